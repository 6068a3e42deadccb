import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserLoginProfile } from '@cdktf/provider-aws/lib/iam-user-login-profile';
import { App, Aspects, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReceiverBucket } from '../../../constructs/receiver-bucket';
import { PolicyChecks } from '../../../policy';
import { tempDir } from '../../support/temp';

/** An app with one checked stack holding the receiver bucket as the constructs build it. */
function checkedApp() {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'checked');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  Aspects.of(stack).add(new PolicyChecks());
  new ReceiverBucket(stack, 'receiver', {
    bucketName: 'initech-aam',
    prefix: 'aam/',
    segmentRetentionDays: 30,
    noncurrentVersionRetentionDays: 30,
    abortIncompleteMultipartUploadDays: 7,
  });
  const written = () => JSON.parse(readFileSync(join(outdir, 'stacks', 'checked', 'cdk.tf.json'), 'utf8'));
  return { app, stack, written };
}

describe('policy checks on the synthesized JSON', () => {
  it('resolve each stack once per synth, and cdktf writes exactly the JSON that was checked', () => {
    const { app, stack, written } = checkedApp();
    const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    try {
      app.synth();
      expect(resolve).toHaveBeenCalledTimes(1);
    } finally {
      resolve.mockRestore();
    }
    // Resolving afresh gives what was written: nothing lent is left behind.
    expect(JSON.parse(JSON.stringify(stack.toTerraform()))).toEqual(written());
  });

  it('see what Aspects running after them change, and report it like any finding', () => {
    const { app, stack } = checkedApp();
    const weakenPublicAccessBlock = {
      visit(node: IConstruct) {
        if (node instanceof S3BucketPublicAccessBlock) node.blockPublicPolicy = false;
      },
    };
    // Added after the policy checks: it changes a resource below the stack after they visited the stack.
    Aspects.of(stack).add(weakenPublicAccessBlock);
    expect(() => app.synth()).toThrow(
      /\[CAAM-S3-1 S3BucketPublicAccessBlocked\] checked\/receiver\/public-access-block .*flags not on: block_public_policy/,
    );
  });

  it('leave nothing behind when a finding stops synth', () => {
    const { app, stack } = checkedApp();
    const user = new IamUser(stack, 'user', { name: 'campaign' });
    new IamUserLoginProfile(stack, 'login', { user: user.name });
    expect(() => app.synth()).toThrow(/CAAM-IAM-3/);
    new S3BucketPublicAccessBlock(stack, 'added-later', {
      bucket: 'initech-aam',
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const resources = (stack.toTerraform() as { resource: Record<string, Record<string, unknown>> }).resource;
    expect(Object.keys(resources.aws_s3_bucket_public_access_block)).toContain('added-later');
  });
});
