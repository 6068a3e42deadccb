import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareLocalStateFiles, restrictLocalStateFiles } from '../../../stacks/local-state-files';
import type { Environment } from '../../../config/environment';
import { environment, fileWith } from '../../support/environment';
import { tempDir } from '../../support/temp';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('local state files', () => {
  let local: Environment;
  beforeAll(async () => {
    local = await environment(fileWith((f) => (f.backend = { type: 'local', path: 'state/test.tfstate' })));
  });

  it('are created empty and owner-only at synth, so Terraform keeps that mode when it writes them', async () => {
    const project = tempDir();
    prepareLocalStateFiles(local, project);
    for (const file of ['state/test.tfstate', 'state/test.tfstate.backup']) {
      expect(mode(join(project, file))).toBe(0o600);
      expect(readFileSync(join(project, file), 'utf8')).toBe('');
    }
  });

  it('that exist keep their content and become owner-only', async () => {
    const project = tempDir();
    mkdirSync(join(project, 'state'));
    const state = join(project, 'state', 'test.tfstate');
    // As Terraform creates them: readable by everyone.
    writeFileSync(state, '{"version": 4}', { mode: 0o644 });
    writeFileSync(`${state}.backup`, '{"version": 3}', { mode: 0o644 });
    expect(mode(state)).toBe(0o644);
    restrictLocalStateFiles(local, project);
    expect(mode(state)).toBe(0o600);
    expect(mode(`${state}.backup`)).toBe(0o600);
    expect(readFileSync(state, 'utf8')).toBe('{"version": 4}');
  });

  it('are left alone with S3 state, and not created by the restriction after a command', async () => {
    const project = tempDir();
    const s3 = await environment(
      fileWith((f) => (f.backend = { type: 's3', bucket: 'initech-state', key: 'aam.tfstate', region: 'us-east-1' })),
    );
    prepareLocalStateFiles(s3, project);
    restrictLocalStateFiles(await environment(), project);
    expect(readdirSync(project)).toEqual([]);
  });
});
