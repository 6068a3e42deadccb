import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess } from '../support/run';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(600_000);

const NAME = 'orphaned';
const BUCKET = 'initech-campaign-aam-orphaned';
const ZONE = 'orphaned.initech.example';
const STATE_BUCKET = 'initech-terraform-state-gone';

/**
 * Issue 16: when Terraform cannot upload state (here the state bucket disappears mid-apply), it
 * writes what it has to `errored.tfstate` beside the configuration: the whole state, the secret
 * access key in plain text included. Through `npm run deploy`, that file is owner-only.
 */
describe('npm run deploy when the state upload fails mid-apply', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });

  it('leaves errored.tfstate readable by its owner alone', async () => {
    const { aws } = emulator;
    await aws.s3.send(new CreateBucketCommand({ Bucket: STATE_BUCKET }));
    emulator.write(
      NAME,
      emulator.file(NAME, {
        bucketName: BUCKET,
        backend: { type: 's3', bucket: STATE_BUCKET, key: 'campaign-aam/orphaned.tfstate', region: 'us-east-1' },
      }),
    );
    const deploy = startProcess('npm', ['run', '--silent', 'deploy', '--', NAME, '--auto-approve'], {
      env: emulator.projectEnv,
    });
    // Once the receiver bucket exists the apply is under way (its lifecycle configuration takes
    // about a minute in moto): the state bucket goes, so the final state upload fails.
    const deadline = Date.now() + 240_000;
    for (;;) {
      const exists = await aws.s3.send(new HeadBucketCommand({ Bucket: BUCKET })).then(
        () => true,
        () => false,
      );
      if (exists) break;
      if (Date.now() > deadline) throw new Error(`the apply never created the bucket:\n${deploy.printed()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const listed = await aws.s3.send(new ListObjectsV2Command({ Bucket: STATE_BUCKET }));
    for (const object of listed.Contents ?? []) {
      await aws.s3.send(new DeleteObjectCommand({ Bucket: STATE_BUCKET, Key: object.Key! }));
    }
    await aws.s3.send(new DeleteBucketCommand({ Bucket: STATE_BUCKET }));

    const result = await deploy.result;
    expect(result.status).not.toBe(0);
    const stackDir = emulator.stackDir(NAME);
    expect(readdirSync(stackDir)).toContain('errored.tfstate');
    expect((statSync(join(stackDir, 'errored.tfstate')).mode & 0o777).toString(8)).toBe('600');
  });
});
