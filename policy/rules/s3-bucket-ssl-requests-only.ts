import { statementsOf, unreadablePolicy } from '../iam-statements';
import type { PolicyRule } from '../rule';

export const S3BucketSslRequestsOnly: PolicyRule = {
  id: 'CAAM-S3-3',
  name: 'S3BucketSslRequestsOnly',
  explanation:
    'The access key and the data travel between AWS and a SaaS vendor; a bucket policy must refuse requests without TLS.',
  check: (resources) =>
    resources.ofType('aws_s3_bucket').flatMap((bucket) => {
      const policies = resources.forBucket(bucket, 'aws_s3_bucket_policy');
      if (policies.length === 0)
        return [{ resource: bucket, detail: 'the bucket has no bucket policy denying non-TLS requests' }];
      const findings = [];
      let tlsOnly = false;
      for (const policy of policies) {
        const statements = statementsOf(policy);
        if (statements === undefined) {
          findings.push(unreadablePolicy(policy));
          continue;
        }
        tlsOnly ||= statements.some(
          (s) =>
            s.Effect === 'Deny' &&
            s.Action.some((a) => a === 's3:*' || a === '*') &&
            String(s.Condition?.Bool?.['aws:SecureTransport']) === 'false',
        );
      }
      if (!tlsOnly && findings.length === 0)
        findings.push({ resource: policies[0], detail: 'no statement denies s3:* when aws:SecureTransport is false' });
      return findings;
    }),
};
