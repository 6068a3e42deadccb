import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserLoginProfile } from '@cdktf/provider-aws/lib/iam-user-login-profile';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { App, Aspects, TerraformStack } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicyChecks, suppressPolicyRule } from '../../../policy';
import { ReceiverAccessKey } from '../../../constructs/receiver-access-key';
import { ReceiverBucket } from '../../../constructs/receiver-bucket';
import { tempDir } from '../../support/temp';

type Build = (stack: TerraformStack) => void;

/** Synthesizes a one-stack app through `app.synth()` (which, unlike Testing.synth, fails on errors). */
function synth(build: Build): { error?: string; notices: string[] } {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'checked');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  Aspects.of(stack).add(new PolicyChecks());
  build(stack);
  try {
    app.synth();
  } catch (error) {
    return { error: (error as Error).message, notices: [] };
  }
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  return { notices: manifest.stacks.checked.annotations.map((a: { message: string }) => a.message) };
}

const secureBucket: Build = (stack) =>
  new ReceiverBucket(stack, 'receiver', {
    bucketName: 'initech-aam',
    prefix: 'aam/',
    segmentRetentionDays: 30,
    noncurrentVersionRetentionDays: 30,
    abortIncompleteMultipartUploadDays: 7,
  });

const tlsDeny = (arn: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });

/** A bucket with exactly the chosen protections, to break one rule at a time. */
function bucketWith(parts: {
  pab?: boolean | 'partial';
  encryption?: boolean;
  policy?: string | false;
  ownership?: string | false;
}): Build {
  return (stack) => {
    const bucket = new S3Bucket(stack, 'bucket', { bucket: 'initech-raw' });
    if (parts.pab !== false) {
      new S3BucketPublicAccessBlock(stack, 'pab', {
        bucket: bucket.id,
        blockPublicAcls: true,
        blockPublicPolicy: parts.pab !== 'partial',
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    }
    if (parts.encryption !== false) {
      new S3BucketServerSideEncryptionConfigurationA(stack, 'sse', {
        bucket: bucket.id,
        rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
      });
    }
    if (parts.policy !== false)
      new S3BucketPolicy(stack, 'policy', {
        bucket: bucket.id,
        policy: parts.policy ?? tlsDeny('arn:aws:s3:::initech-raw'),
      });
    if (parts.ownership !== false) {
      new S3BucketOwnershipControls(stack, 'ownership', {
        bucket: bucket.bucket,
        rule: { objectOwnership: parts.ownership ?? 'BucketOwnerEnforced' },
      });
    }
  };
}

const allow = (
  Action: string | string[],
  Resource: string | string[] = 'arn:aws:s3:::initech-raw/aam/*',
  extra: object = {},
) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Test', Effect: 'Allow', Action, Resource, ...extra }] });

describe('policy checks at synth', () => {
  describe('Compliance', () => {
    it('passes the receiver bucket and access key exactly as the constructs build them', () => {
      const result = synth((stack) => {
        secureBucket(stack);
        new ReceiverAccessKey(stack, 'key', {
          name: 'campaign-aam-test',
          bucketName: 'initech-aam',
          prefix: 'aam/',
          slots: ['blue'],
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        });
      });
      expect(result).toEqual({ notices: [] });
    });

    it('passes a hand-built bucket with every protection, referenced by id or by name', () => {
      expect(synth(bucketWith({})).error).toBeUndefined();
    });
  });

  describe('CAAM-S3-1 S3BucketPublicAccessBlocked', () => {
    it('Noncompliance 1: no public access block', () => {
      expect(synth(bucketWith({ pab: false })).error).toMatch(
        /\[CAAM-S3-1 S3BucketPublicAccessBlocked\] checked\/bucket \(aws_s3_bucket\.bucket\): the bucket has no public access block/,
      );
    });
    it('Noncompliance 2: a flag left off', () => {
      expect(synth(bucketWith({ pab: 'partial' })).error).toMatch(
        /\[CAAM-S3-1 S3BucketPublicAccessBlocked\] checked\/pab .*flags not on: block_public_policy/,
      );
    });
  });

  describe('CAAM-S3-2 S3BucketEncrypted', () => {
    it('Noncompliance: no default encryption', () => {
      expect(synth(bucketWith({ encryption: false })).error).toMatch(
        /\[CAAM-S3-2 S3BucketEncrypted\] checked\/bucket .*no default encryption/,
      );
    });
  });

  describe('CAAM-S3-3 S3BucketSslRequestsOnly', () => {
    it('Noncompliance 1: no bucket policy', () => {
      expect(synth(bucketWith({ policy: false })).error).toMatch(
        /\[CAAM-S3-3 S3BucketSslRequestsOnly\] checked\/bucket .*no bucket policy denying non-TLS/,
      );
    });
    it('Noncompliance 2: a policy without the TLS deny', () => {
      const error = synth(
        bucketWith({
          policy: allow('s3:GetObject', 'arn:aws:s3:::initech-raw/*', {
            Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          }),
        }),
      ).error;
      expect(error).toMatch(
        /\[CAAM-S3-3 S3BucketSslRequestsOnly\] checked\/policy .*no statement denies s3:\* when aws:SecureTransport is false/,
      );
    });
    it('Noncompliance 3: a policy that cannot be read at synth is a finding, not a pass', () => {
      const error = synth((stack) => {
        const doc = new DataAwsIamPolicyDocument(stack, 'doc', {
          statement: [{ effect: 'Deny', actions: ['s3:*'], resources: ['*'] }],
        });
        bucketWith({ policy: doc.json })(stack);
      }).error;
      expect(error).toMatch(/\[CAAM-S3-3 S3BucketSslRequestsOnly\] checked\/policy .*cannot be read at synth/);
    });
  });

  describe('CAAM-S3-4 S3BucketOwnershipEnforced', () => {
    it('Noncompliance 1: no ownership controls', () => {
      expect(synth(bucketWith({ ownership: false })).error).toMatch(
        /\[CAAM-S3-4 S3BucketOwnershipEnforced\] checked\/bucket .*ACLs stay enabled/,
      );
    });
    it('Noncompliance 2: ObjectWriter ownership', () => {
      expect(synth(bucketWith({ ownership: 'ObjectWriter' })).error).toMatch(/\[CAAM-S3-4 S3BucketOwnershipEnforced\]/);
    });
  });

  describe('CAAM-IAM-1 IamNoWildcardActions', () => {
    it('Noncompliance 1: a wildcard action', () => {
      const error = synth(
        (stack) => new IamPolicy(stack, 'wide', { name: 'wide', policy: allow(['s3:Get*', 's3:PutObject']) }),
      ).error;
      expect(error).toMatch(
        /\[CAAM-IAM-1 IamNoWildcardActions\] checked\/wide \(aws_iam_policy\.wide\): allows wildcard action\(s\) s3:Get\* \(statement Test\)/,
      );
    });
    it('Noncompliance 2: NotAction', () => {
      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::x' }],
      });
      expect(synth((stack) => new IamPolicy(stack, 'not', { policy })).error).toMatch(
        /\[CAAM-IAM-1 IamNoWildcardActions\] .*allows NotAction/,
      );
    });
    it('Compliance: a Deny with s3:* is not a grant', () => {
      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::x' }],
      });
      expect(synth((stack) => new IamPolicy(stack, 'deny', { policy })).error).toBeUndefined();
    });
  });

  describe('CAAM-IAM-2 IamNoWildcardResources', () => {
    it('Noncompliance: Resource "*"', () => {
      expect(synth((stack) => new IamPolicy(stack, 'any', { policy: allow('s3:GetObject', '*') })).error).toMatch(
        /\[CAAM-IAM-2 IamNoWildcardResources\] checked\/any .*allows Resource "\*"/,
      );
    });
  });

  describe('CAAM-IAM-3 IamUserNoConsoleLogin', () => {
    it('Noncompliance: a login profile', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        new IamUserLoginProfile(stack, 'login', { user: user.name });
      }).error;
      expect(error).toMatch(/\[CAAM-IAM-3 IamUserNoConsoleLogin\] checked\/login .*console login/);
    });
  });

  describe('CAAM-IAM-4 IamUserNoDirectPolicies', () => {
    it('Noncompliance 1: a managed policy attached to the user', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        new IamUserPolicyAttachment(stack, 'attach', {
          user: user.name,
          policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        });
      }).error;
      expect(error).toMatch(
        /\[CAAM-IAM-4 IamUserNoDirectPolicies\] checked\/attach .*managed policy directly to an IAM user/,
      );
    });
    it('Noncompliance 2: an inline user policy', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        new IamUserPolicy(stack, 'inline', { user: user.name, policy: allow('s3:GetObject') });
      }).error;
      expect(error).toMatch(/\[CAAM-IAM-4 IamUserNoDirectPolicies\] checked\/inline .*inline policy directly/);
    });
  });

  describe('suppressions', () => {
    it('turn a finding into a notice that carries the reason', () => {
      const result = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        const attach = new IamUserPolicyAttachment(stack, 'attach', {
          user: user.name,
          policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        });
        suppressPolicyRule(attach, 'CAAM-IAM-4', 'break-glass auditor user, reviewed in SEC-123');
      });
      expect(result.error).toBeUndefined();
      expect(result.notices).toEqual([
        expect.stringMatching(
          /^\[CAAM-IAM-4 IamUserNoDirectPolicies\] suppressed on checked\/attach .*: break-glass auditor user, reviewed in SEC-123$/,
        ),
      ]);
    });

    it('apply only to the construct they are on and its children', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        new IamUserPolicyAttachment(stack, 'attach', {
          user: user.name,
          policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        });
        suppressPolicyRule(user, 'CAAM-IAM-4', 'a reason that is long enough to pass');
      }).error;
      expect(error).toMatch(/CAAM-IAM-4/);
    });

    it('fail synth when stale: the rule finds nothing on the construct any more', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        suppressPolicyRule(user, 'CAAM-IAM-4', 'policy was attached directly until SEC-123 moved it to a group');
      }).error;
      expect(error).toMatch(
        /\[CAAM-IAM-4 IamUserNoDirectPolicies\] stale suppression on checked\/user: the rule finds nothing there any more, .*remove the suppressPolicyRule call \(its reason was: policy was attached directly until SEC-123 moved it to a group\)/,
      );
    });

    it('fail synth when shadowed by a nearer suppression of the same rule, which makes them stale', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        const attach = new IamUserPolicyAttachment(stack, 'attach', {
          user: user.name,
          policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        });
        suppressPolicyRule(stack, 'CAAM-IAM-4', 'stack-wide exception, reviewed in SEC-1');
        suppressPolicyRule(attach, 'CAAM-IAM-4', 'break-glass auditor user, reviewed in SEC-123');
      }).error;
      expect(error).toMatch(/stale suppression on checked:/);
      expect(error).not.toMatch(/stale suppression on checked\/attach/);
    });

    it('fail synth when they name no known rule', () => {
      const error = synth((stack) => {
        const user = new IamUser(stack, 'user', { name: 'campaign' });
        suppressPolicyRule(user, 'CAAM-IAM-44', 'a typo in the rule id, reviewed in SEC-123');
      }).error;
      expect(error).toMatch(
        /\[CAAM-IAM-44\] suppression on checked\/user names no known policy rule \(known: CAAM-S3-1, .*CAAM-IAM-4\)/,
      );
    });

    it('require a real reason', () => {
      const app = new App({ outdir: tempDir(), skipValidation: true });
      const stack = new TerraformStack(app, 's');
      expect(() => suppressPolicyRule(stack, 'CAAM-IAM-4', 'because')).toThrow(
        /needs a reason of at least 20 characters/,
      );
    });
  });
});
