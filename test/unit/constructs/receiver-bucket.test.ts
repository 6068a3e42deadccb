import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { fileWith, onlyResource, synthStack } from '../../support/environment';

describe('ReceiverBucket', () => {
  let synthesized: string;
  beforeAll(async () => (synthesized = await synthStack()));

  it('names the bucket as configured and refuses to destroy a bucket with objects by default', async () => {
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, {
      bucket: 'initech-campaign-aam-test',
      force_destroy: false,
    });
  });

  it('turns on all four public access block flags', async () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('disables ACLs with BucketOwnerEnforced ownership', async () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketOwnershipControls, {
      rule: { object_ownership: 'BucketOwnerEnforced' },
    });
  });

  it('encrypts with SSE-S3 by default', async () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
    });
  });

  it('encrypts with SSE-KMS and a bucket key when a KMS key is given', async () => {
    const arn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const kms = await synthStack(fileWith((f) => (f.receiver.kmsKeyArn = arn)));
    expect(kms).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: arn },
          bucket_key_enabled: true,
        },
      ],
    });
  });

  it('enables versioning by default and suspends it only when asked', async () => {
    expect(synthesized).toHaveResourceWithProperties(S3BucketVersioningA, {
      versioning_configuration: { status: 'Enabled' },
    });
    const off = await synthStack(fileWith((f) => (f.receiver.versioning = false)));
    expect(off).toHaveResourceWithProperties(S3BucketVersioningA, {
      versioning_configuration: { status: 'Suspended' },
    });
  });

  it('expires segment files under the prefix, noncurrent versions and unfinished uploads', async () => {
    const custom = await synthStack(
      fileWith((f) => {
        f.receiver.prefix = 'aam/';
        f.receiver.segmentRetentionDays = 12;
        f.receiver.noncurrentVersionRetentionDays = 5;
        f.receiver.abortIncompleteMultipartUploadDays = 2;
      }),
    );
    expect(onlyResource(custom, S3BucketLifecycleConfiguration.tfResourceType).rule).toEqual([
      { id: 'expire-segment-files', status: 'Enabled', filter: [{ prefix: 'aam/' }], expiration: [{ days: 12 }] },
      {
        id: 'expire-noncurrent-versions',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        noncurrent_version_expiration: [{ noncurrent_days: 5 }],
      },
      {
        id: 'abort-incomplete-multipart-uploads',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 2 }],
      },
    ]);
  });

  it('denies every request that is not TLS 1.2 or newer', async () => {
    const policy = JSON.parse(onlyResource(synthesized, 'aws_s3_bucket_policy').policy);
    const arn = 'arn:aws:s3:::initech-campaign-aam-test';
    expect(policy.Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'DenyOutdatedTls',
        Effect: 'Deny',
        Principal: '*',
        Action: ['s3:*'],
        Resource: [arn, `${arn}/*`],
        Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
      },
    ]);
  });

  it('applies the bucket policy only after the public access block', async () => {
    const policy = onlyResource(synthesized, 'aws_s3_bucket_policy');
    expect(policy.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_public_access_block\./)]);
  });

  it('writes access logs only when a target is configured', async () => {
    expect(synthesized).not.toHaveResource(S3BucketLoggingA);
    const logged = await synthStack(
      fileWith((f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'aam/' })),
    );
    expect(logged).toHaveResourceWithProperties(S3BucketLoggingA, {
      target_bucket: 'initech-logs',
      target_prefix: 'aam/',
    });
  });

  it('allows force-destroy for throw-away environments when asked', async () => {
    expect(await synthStack(fileWith((f) => (f.receiver.forceDestroy = true)))).toHaveResourceWithProperties(S3Bucket, {
      force_destroy: true,
    });
  });
});

describe('ReceiverBucket events', () => {
  it('publishes object events to EventBridge', async () => {
    expect(await synthStack()).toHaveResourceWithProperties(S3BucketNotification, { eventbridge: true });
  });
});
