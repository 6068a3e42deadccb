import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorCopy } from '../../../emulator/emulator-copy';
import { parseEnvironment } from '../../../config/load';
import { environment, ownedReceiver } from '../../support/environment';
import { PROJECT_DIR } from '../../support/run';

const SIDE = {
  endpoint: 'http://127.0.0.1:4566',
  accountId: '123456789012',
  hostedZoneId: 'Z0EMULATOR0000000001',
  statePath: '/project/.cache/local/production/terraform.tfstate',
};

const example = async (name: string) => {
  const text = readFileSync(join(PROJECT_DIR, 'environments', `${name}.json`), 'utf8');
  return { raw: JSON.parse(text) as Record<string, any>, env: await environment(JSON.parse(text), name) };
};

describe('the emulator copy of an environment', () => {
  it.each(['dev', 'staging', 'production'])('%s: is a valid environment pointed at the emulator', async (name) => {
    const { raw, env } = await example(name);
    const before = JSON.stringify(raw);
    const { file } = emulatorCopy(raw, env, SIDE);
    expect(JSON.stringify(raw)).toBe(before);
    const parsed = await parseEnvironment(`${name}.json`, JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.environment.aws).toMatchObject({ endpoint: SIDE.endpoint, accountId: SIDE.accountId });
    expect(parsed.environment.dns.hostedZoneId).toBe(SIDE.hostedZoneId);
    expect(parsed.environment.backend).toEqual({ type: 'local', path: SIDE.statePath });
    expect(parsed.environment.receiver).toEqual({ ...env.receiver, kmsKeyArn: undefined });
    // What identifies the example stays: bucket, zone name, tracking records, data sources.
    expect(ownedReceiver(parsed.environment).bucketName).toBe(ownedReceiver(env).bucketName);
    expect(parsed.environment.dns.trackingServer).toEqual(env.dns.trackingServer);
    expect(parsed.environment.campaign).toEqual(env.campaign);
  });

  it('says what it changed beyond the emulator settings, and why', async () => {
    const { raw, env } = await example('production');
    expect(emulatorCopy(raw, env, SIDE).notes).toEqual([
      'tier production → staging (production may not use an emulator endpoint)',
      'receiver.kmsKeyArn dropped: SSE-S3 instead (the key exists only in your account)',
      'accessKey.pgpPublicKey dropped (the connection check needs the dummy secret)',
    ]);
    const dev = await example('dev');
    expect(emulatorCopy(dev.raw, dev.env, SIDE).notes).toEqual([]);
  });
});
