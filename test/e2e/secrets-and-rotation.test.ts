import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestKeyPair, type TestKeyPair } from '../support/gpg';
import { cdktf, verify } from '../support/cdktf-cli';
import type { Moto } from '../../emulator/moto';
import { expectExit, terraform } from '../support/terraform';
import { type RunResult } from '../support/run';
import { ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { canPut, type Credentials } from './aws-clients';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const ZONE = 'keys.initech.example';

/**
 * Issue 4 in the emulator: the secret never leaks (synthesized JSON, handoff documents,
 * non-sensitive outputs, anything a command printed; with PGP, not even state), and a key rotates
 * in three deploys without a moment where no key works.
 */
describe('secrets and key rotation against moto', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let moto: Moto;
  let work: string;
  let pgp: TestKeyPair;
  const printed: RunResult[] = [];

  const environment = (name: string, change: (f: Record<string, any>) => void) =>
    emulator.file(name, { bucketName: `initech-campaign-aam-${name}`, trackingHost: `${name}.${ZONE}` }, (f) => {
      // Adobe assigns each environment its own destinations; these environments need none yet.
      delete f.campaign.dataSources[0].aamDestinationId;
      change(f);
    });
  const write = (name: string, file: Record<string, any>) => emulator.write(name, file);
  const deploy = (name: string) => {
    const result = cdktf(work, 'deploy', name, ['--auto-approve']);
    printed.push(result);
    try {
      expectExit(result, 0);
    } catch (error) {
      // A request the AWS SDK retried (a 5xx or a dropped connection) shows only in moto's log.
      const unanswered = readFileSync(moto.logFile, 'utf8')
        .split('\n')
        .filter((line) => / 5\d\d -$/.test(line) || /Traceback|Error/.test(line));
      throw new Error(`${(error as Error).message}\n--- moto's errors ---\n${unanswered.slice(-40).join('\n')}`);
    }
  };
  const stackDir = (name: string) => emulator.stackDir(name);
  const outputs = (name: string) => {
    const result = terraform(stackDir(name), ['output', '-json']);
    return JSON.parse(result.stdout) as Record<string, { value: string; sensitive: boolean }>;
  };
  const key = (name: string, slot: string): Credentials => {
    const o = outputs(name);
    return { accessKeyId: o[`access_key_id_${slot}`].value, secretAccessKey: o[`secret_access_key_${slot}`].value };
  };

  /** The user's keys as IAM lists them, so a key Terraform lost track of (an orphan) shows. */
  const keysInAws = async (name: string) => {
    const state = JSON.parse(readFileSync(join(work, `${name}.tfstate`), 'utf8'));
    const user = state.resources.find((r: { type: string }) => r.type === 'aws_iam_user').instances[0].attributes.name;
    const listed = await emulator.aws.iam.send(new ListAccessKeysCommand({ UserName: user }));
    return (listed.AccessKeyMetadata ?? []).map((k) => k.AccessKeyId).sort();
  };

  const canWrite = (bucket: string, credentials: Credentials) =>
    canPut(moto, bucket, 'campaign-aam/import/probe.csv', credentials);

  beforeAll(() => {
    ({ moto, work } = emulator);
    pgp = createTestKeyPair();
  });

  afterAll(() => {
    pgp?.dispose();
  });

  describe('rotation in three deploys', () => {
    const bucket = 'initech-campaign-aam-rotate';
    let blue: Credentials;
    let green: Credentials;

    it('0. starts with one key in slot blue, which works', async () => {
      write(
        'rotate',
        environment('rotate', () => undefined),
      );
      deploy('rotate');
      blue = key('rotate', 'blue');
      expect(await keysInAws('rotate')).toEqual([blue.accessKeyId]);
      expect(await canWrite(bucket, blue)).toBe(true);
    });

    it('1. adding slot green issues a second key; both work', async () => {
      write(
        'rotate',
        environment('rotate', (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'blue' })),
      );
      deploy('rotate');
      green = key('rotate', 'green');
      expect(key('rotate', 'blue').accessKeyId).toBe(blue.accessKeyId);
      expect(await keysInAws('rotate')).toEqual([blue.accessKeyId, green.accessKeyId].sort());
      expect(await canWrite(bucket, blue)).toBe(true);
      expect(await canWrite(bucket, green)).toBe(true);
    });

    it('2. switching the external accounts to green keeps both keys working', async () => {
      write(
        'rotate',
        environment('rotate', (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'green' })),
      );
      deploy('rotate');
      const state = JSON.parse(readFileSync(join(work, 'rotate.tfstate'), 'utf8'));
      const accounts = state.resources
        .filter(
          (r: { type: string; name: string }) => r.type === 'terraform_data' && r.name.includes('external-account'),
        )
        .map(
          (r: { instances: { attributes: { input: { value: Record<string, string> } } }[] }) =>
            r.instances[0].attributes.input.value,
        );
      expect(accounts).toEqual([
        expect.objectContaining({ keySlot: 'green', accessKeyId: green.accessKeyId }),
        expect.objectContaining({ keySlot: 'green', accessKeyId: green.accessKeyId }),
      ]);
      expect(await canWrite(bucket, blue)).toBe(true);
      expect(await canWrite(bucket, green)).toBe(true);
    });

    it('3. retiring blue deletes the old key: it is denied, green still works', async () => {
      write(
        'rotate',
        environment('rotate', (f) => (f.accessKey = { slots: ['green'], activeSlot: 'green' })),
      );
      deploy('rotate');
      expect(await keysInAws('rotate')).toEqual([green.accessKeyId]);
      expect(await canWrite(bucket, blue)).toBe(false);
      expect(await canWrite(bucket, green)).toBe(true);
    });

    it('never shows the secret in synthesized JSON, handoff documents, non-sensitive outputs or command output', () => {
      const secrets = [blue.secretAccessKey, green.secretAccessKey];
      const dir = stackDir('rotate');
      const files = [
        join(dir, 'cdk.tf.json'),
        ...readdirSync(join(dir, 'handoff')).map((f) => join(dir, 'handoff', f)),
      ];
      const verified = verify(work, 'rotate');
      printed.push(verified);
      const visibleOutputs = Object.values(outputs('rotate'))
        .filter((o) => !o.sensitive)
        .map((o) => JSON.stringify(o.value));
      const haystacks = [
        ...files.map((f) => readFileSync(f, 'utf8')),
        ...visibleOutputs,
        ...printed.flatMap((r) => [r.stdout, r.stderr]),
      ];
      expect(printed.length).toBeGreaterThanOrEqual(5);
      for (const secret of secrets) {
        expect(secret).toMatch(/^\S{20,}$/);
        expect(haystacks.filter((text) => text.includes(secret))).toEqual([]);
      }
    });
  });

  describe('with a PGP public key', () => {
    it('keeps the plaintext secret out of state, and the encrypted one decrypts to a working key', async () => {
      write(
        'pgp',
        environment('pgp', (f) => (f.accessKey = { pgpPublicKey: pgp.publicKeyBase64 })),
      );
      deploy('pgp');
      const o = outputs('pgp');
      expect(o.secret_access_key_blue).toBeUndefined();
      expect(o.encrypted_secret_access_key_blue.sensitive).toBe(false);
      const secret = pgp.decrypt(o.encrypted_secret_access_key_blue.value);
      expect(secret).toMatch(/^\S{20,}$/);

      expect(readFileSync(join(work, 'pgp.tfstate'), 'utf8')).not.toContain(secret);
      expect(
        await canWrite('initech-campaign-aam-pgp', {
          accessKeyId: o.access_key_id_blue.value,
          secretAccessKey: secret,
        }),
      ).toBe(true);
      const sheet = readFileSync(join(stackDir('pgp'), 'handoff', 'campaign-setup.md'), 'utf8');
      expect(sheet).toContain('output -raw encrypted_secret_access_key_blue | base64 --decode | gpg --decrypt\n');
      expect(sheet).not.toContain(secret);
    });
  });
});
