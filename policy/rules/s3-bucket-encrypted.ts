import type { PolicyRule } from '../rule';

type EncryptionRule = { apply_server_side_encryption_by_default?: { sse_algorithm?: string } };

export const S3BucketEncrypted: PolicyRule = {
  id: 'CAAM-S3-2',
  name: 'S3BucketEncrypted',
  explanation: 'Segment files are personal data; default encryption makes sure every object is encrypted at rest.',
  check: (resources) =>
    resources.ofType('aws_s3_bucket').flatMap((bucket) => {
      const configs = resources.forBucket(bucket, 'aws_s3_bucket_server_side_encryption_configuration');
      const encrypted = configs.some((c) =>
        ((c.attributes.rule as EncryptionRule[] | undefined) ?? []).some(
          (r) => typeof r.apply_server_side_encryption_by_default?.sse_algorithm === 'string',
        ),
      );
      return encrypted ? [] : [{ resource: bucket, detail: 'the bucket has no default encryption configuration' }];
    }),
};
