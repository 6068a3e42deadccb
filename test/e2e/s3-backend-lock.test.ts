import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../synth/synthesize';
import { expectExit, terraform, terraformInBackground } from '../support/terraform';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(600_000);

const STATE_BUCKET = 'initech-terraform-state';
const STATE_KEY = 'campaign-aam/remote.tfstate';

/**
 * Step 7 of the emulator lifecycle: state in an S3 backend with `use_lockfile`. A second apply
 * started while the first holds the lock must fail with a lock error, and the state afterwards
 * must be intact and complete.
 */
describe('S3 backend with use_lockfile, in the emulator', () => {
  const emulator = emulatorFixture({ zoneName: 'remote.initech.example' });
  let stackDir: string;

  beforeAll(async () => {
    const { s3 } = emulator.aws;
    await s3.send(new CreateBucketCommand({ Bucket: STATE_BUCKET }));
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: STATE_BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const { work } = emulator;
    emulator.write(
      'remote',
      emulator.file('remote', {
        bucketName: 'initech-campaign-aam-remote',
        trackingHost: 't.remote.initech.example',
        backend: { type: 's3', bucket: STATE_BUCKET, key: STATE_KEY, region: 'us-east-1' },
      }),
    );
    await synthesize({
      environmentsDir: join(work, 'environments'),
      outdir: join(work, 'cdktf.out'),
      projectDir: work,
    });
    stackDir = emulator.stackDir('remote');
    expectExit(terraform(stackDir, ['init', '-input=false']), 0);
  });

  it('locks state during apply, refuses a concurrent apply, and leaves complete state in the bucket', async () => {
    const { s3 } = emulator.aws;
    const lockExists = () =>
      s3.send(new HeadObjectCommand({ Bucket: STATE_BUCKET, Key: `${STATE_KEY}.tflock` })).then(
        () => true,
        () => false,
      );

    const first = terraformInBackground(stackDir, ['apply', '-input=false', '-auto-approve']);
    const deadline = Date.now() + 120_000;
    while (!(await lockExists())) {
      if (Date.now() > deadline) throw new Error(`the first apply never took the lock:\n${(await first).stdout}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const second = terraform(stackDir, ['apply', '-input=false', '-auto-approve', '-lock-timeout=0s']);
    expect(second.status).not.toBe(0);
    expect(second.stderr).toMatch(/Error acquiring the state lock/);

    const applied = await first;
    expectExit(applied, 0);
    expect(await lockExists()).toBe(false);

    const state = JSON.parse(
      await (await s3.send(new GetObjectCommand({ Bucket: STATE_BUCKET, Key: STATE_KEY }))).Body!.transformToString(),
    );
    const declared = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).resource as Record<string, object>;
    const declaredCount = Object.values(declared).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(state.resources.length).toBe(declaredCount);
    expect(state.resources.every((r: { instances: unknown[] }) => r.instances.length === 1)).toBe(true);
    expectExit(terraform(stackDir, ['plan', '-input=false', '-detailed-exitcode']), 0);
  });
});
