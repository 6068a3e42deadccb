import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../../../config/environment';
import { parseEnvironment } from '../../../config/load';
import { formatSettingPath } from '../../../config/setting-path';
import { compareEnvironments } from '../../../promote/compare';
import { PROJECT_DIR } from '../../support/run';

async function load(file: string): Promise<Environment> {
  const parsed = await parseEnvironment(file, readFileSync(join(PROJECT_DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.environment;
}

describe('promote between a receiver the stack owns and one Adobe provisioned', () => {
  it("promotes neither the receiver's nor the stack key's settings, and keeps the mode as each file says", async () => {
    const owned = await load('environments/staging.json');
    const adobe = await load('test/fixtures/adobe-provisioned/environments/adobe.json');
    expect(owned.receiver.mode).toBe('stack-owned');
    expect(adobe.receiver.mode).toBe('adobe-provisioned');
    for (const [from, to] of [
      [owned, adobe],
      [adobe, owned],
    ]) {
      const { differences, kept } = compareEnvironments(from, to);
      const promoted = differences.map((d) => formatSettingPath(d.path));
      expect(promoted.filter((p) => p.startsWith('receiver.') || p.startsWith('accessKey.'))).toEqual([]);
      expect(kept).toContainEqual({ path: { field: 'receiver.mode' }, from: from.receiver.mode, to: to.receiver.mode });
    }
  });

  it('still promotes the receiver between two stack-owned environments', async () => {
    const staging = await load('environments/staging.json');
    if (staging.receiver.mode !== 'stack-owned') throw new Error('the staging example owns its receiver');
    const changed: Environment = { ...staging, receiver: { ...staging.receiver, prefix: 'campaign-aam-v2/' } };
    const promoted = compareEnvironments(changed, staging).differences.map((d) => formatSettingPath(d.path));
    expect(promoted).toContain('receiver.prefix');
  });
});
