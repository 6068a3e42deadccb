import { GetBucketVersioningCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { start } from '../support/run';
import { tempDir } from '../support/temp';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const NAME = 'approved';
const BUCKET = 'initech-campaign-aam-approved';
const ZONE = 'approved.initech.example';

/**
 * `npm run deploy -- <env> --expect-plan <fingerprint>` applies the plan its approver saw, and
 * nothing else: a change made in the account between the plan and the apply stops it.
 */
describe('npm run deploy -- --expect-plan', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  const writeEnvironment = (destination: string) =>
    emulator.write(
      NAME,
      emulator.file(NAME, { bucketName: BUCKET }, (f) => (f.campaign.dataSources[0].aamDestinationId = destination)),
    );
  const npm = (...args: string[]) => start('npm', ['run', '--silent', ...args], { env: emulator.projectEnv });
  const fingerprintOf = (stdout: string) => /^approved: plan fingerprint (plan1:[\w-]*)$/m.exec(stdout)?.[1];

  beforeAll(async () => {
    writeEnvironment('111111');
    const first = await npm('deploy', '--', NAME, '--auto-approve');
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  });

  it('applies the approved plan when nothing moved; the plan left no plan file behind, and its JSON is owner-only', async () => {
    writeEnvironment('222222');
    const json = join(tempDir(), `${NAME}.plan.json`);
    const plan = await npm('plan', '--', NAME, '--json-plan', json);
    expect(plan.status).toBe(0);
    const fingerprint = fingerprintOf(plan.stdout);
    expect(fingerprint).toMatch(/^plan1:[\w-]+$/);
    expect(existsSync(join(emulator.stackDir(NAME), 'plan'))).toBe(false);
    expect(statSync(json).mode & 0o777).toBe(0o600);
    expect(readFileSync(json, 'utf8')).toContain('"222222"');

    const deploy = await npm('deploy', '--', NAME, '--expect-plan', fingerprint!);
    expect({ status: deploy.status, stderr: deploy.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(deploy.stdout).toContain(`${NAME}: applied the approved plan (${fingerprint}) and converged.`);
  });

  it('refuses when the account changed after the approval, names the resource, and applies nothing', async () => {
    writeEnvironment('333333');
    const plan = await npm('plan', '--', NAME);
    expect(plan.status).toBe(0);
    const fingerprint = fingerprintOf(plan.stdout)!;

    // Someone suspends versioning by hand between the approval and the apply.
    const { s3 } = emulator.aws;
    await s3.send(new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Suspended' } }));
    const deploy = await npm('deploy', '--', NAME, '--expect-plan', fingerprint);

    expect(deploy.status).toBe(1);
    expect(deploy.stderr).toMatch(
      /^approved: NOT applied: the plan now differs from the approved one in \d+ changes?:$/m,
    );
    expect(deploy.stderr).toMatch(/^ {2}- new since the approval: update aws_s3_bucket_versioning\.\S+$/m);
    expect(deploy.stdout + deploy.stderr).not.toContain('converged');
    // Nothing was applied: versioning is still suspended, and state still holds the old destination.
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBe('Suspended');
    expect(readFileSync(join(emulator.work, `${NAME}.tfstate`), 'utf8')).toContain('"222222"');
    expect(readFileSync(join(emulator.work, `${NAME}.tfstate`), 'utf8')).not.toContain('"333333"');
  });

  it('says so when the fingerprint is not one, before synthesizing anything', async () => {
    const deploy = await npm('deploy', '--', NAME, '--expect-plan', 'abc');
    expect(deploy.status).toBe(2);
    expect(deploy.stderr).toContain('"abc" is not a plan fingerprint');
  });
});
