import type { PolicyRule } from '../rule';

export const S3BucketOwnershipEnforced: PolicyRule = {
  id: 'CAAM-S3-4',
  name: 'S3BucketOwnershipEnforced',
  explanation:
    'With BucketOwnerEnforced, ACLs are disabled: access is decided by policies alone, and every object belongs to the bucket owner.',
  check: (resources) =>
    resources.ofType('aws_s3_bucket').flatMap((bucket) => {
      const enforced = resources
        .forBucket(bucket, 'aws_s3_bucket_ownership_controls')
        .some(
          (c) =>
            (c.attributes.rule as { object_ownership?: string } | undefined)?.object_ownership ===
            'BucketOwnerEnforced',
        );
      return enforced
        ? []
        : [
            {
              resource: bucket,
              detail: 'the bucket has no BucketOwnerEnforced ownership controls (ACLs stay enabled)',
            },
          ];
    }),
};
