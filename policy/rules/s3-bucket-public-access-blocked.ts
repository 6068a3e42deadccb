import type { PolicyRule } from '../rule';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const S3BucketPublicAccessBlocked: PolicyRule = {
  id: 'CAAM-S3-1',
  name: 'S3BucketPublicAccessBlocked',
  explanation:
    'The receiver bucket holds audience data; all four public access block flags keep it from ever becoming public.',
  check: (resources) =>
    resources.ofType('aws_s3_bucket').flatMap((bucket) => {
      const blocks = resources.forBucket(bucket, 'aws_s3_bucket_public_access_block');
      if (blocks.length === 0) return [{ resource: bucket, detail: 'the bucket has no public access block' }];
      const off = FLAGS.filter((flag) => !blocks.some((b) => b.attributes[flag] === true));
      return off.length === 0
        ? []
        : [{ resource: blocks[0], detail: `public access block flags not on: ${off.join(', ')}` }];
    }),
};
