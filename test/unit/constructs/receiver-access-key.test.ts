import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { fileWith, onlyResource, resourcesOf, synthStack } from '../../support/environment';

const BUCKET = 'arn:aws:s3:::initech-campaign-aam-test';

describe('ReceiverAccessKey', () => {
  let synthesized: string;
  beforeAll(async () => (synthesized = await synthStack()));
  const statements = (s: string) => JSON.parse(onlyResource(s, 'aws_iam_policy').policy).Statement;

  it('creates a dedicated IAM user and group named after the environment', async () => {
    expect(synthesized).toHaveResourceWithProperties(IamUser, { name: 'campaign-aam-test', path: '/campaign-aam/' });
    expect(synthesized).toHaveResourceWithProperties(IamGroup, { name: 'campaign-aam-test' });
    expect(synthesized).toHaveResource(IamUserGroupMembership);
  });

  it('gives the user no console login and no directly attached or inline policy', async () => {
    for (const type of [
      'aws_iam_user_login_profile',
      'aws_iam_user_policy',
      'aws_iam_user_policy_attachment',
      'aws_iam_policy_attachment',
    ]) {
      expect(resourcesOf(synthesized, type)).toEqual([]);
    }
    expect(onlyResource(synthesized, 'aws_iam_group_policy_attachment').group).toMatch(/^\$\{aws_iam_group\./);
  });

  it('grants only the named S3 actions on the bucket and prefix', async () => {
    expect(statements(synthesized)).toEqual([
      {
        Sid: 'ListIntegrationPrefix',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: [BUCKET],
        Condition: { StringLike: { 's3:prefix': ['campaign-aam/', 'campaign-aam/*'] } },
      },
      { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: [BUCKET] },
      {
        Sid: 'ExchangeSegmentFiles',
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:PutObject',
          's3:DeleteObject',
          's3:ListMultipartUploadParts',
          's3:AbortMultipartUpload',
        ],
        Resource: [`${BUCKET}/campaign-aam/*`],
      },
    ]);
  });

  it('never uses a wildcard action or resource', async () => {
    const kms = await synthStack(
      fileWith(
        (f) => (f.receiver.kmsKeyArn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
      ),
    );
    for (const statement of statements(kms)) {
      expect(statement.Action.some((a: string) => a.includes('*'))).toBe(false);
      expect(statement.Resource).not.toContain('*');
    }
  });

  it('lets the key use the bucket KMS key when SSE-KMS is on', async () => {
    const arn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const kms = await synthStack(fileWith((f) => (f.receiver.kmsKeyArn = arn)));
    expect(statements(kms)).toContainEqual({
      Sid: 'UseBucketKey',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: [arn],
      Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
    });
    expect(statements(synthesized).map((s: { Sid: string }) => s.Sid)).not.toContain('UseBucketKey');
  });

  it("lets the key use the KMS key only through S3 in the key's region, not directly", async () => {
    const arn = 'arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const kms = await synthStack(
      fileWith((f) => {
        f.aws.region = 'eu-central-1';
        f.receiver.kmsKeyArn = arn;
      }),
    );
    const useKey = statements(kms).find((s: { Sid: string }) => s.Sid === 'UseBucketKey');
    expect(useKey.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.eu-central-1.amazonaws.com' } });
  });

  it('issues one access key per slot, encrypted to the PGP key when one is given', async () => {
    expect(resourcesOf(synthesized, IamAccessKey.tfResourceType)).toHaveLength(1);
    expect(onlyResource(synthesized, IamAccessKey.tfResourceType).pgp_key).toBeUndefined();
    const two = await synthStack(
      fileWith(
        (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'green', pgpPublicKey: 'keybase:initech_ops' }),
      ),
    );
    const keys = resourcesOf(two, IamAccessKey.tfResourceType);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key.pgp_key).toBe('keybase:initech_ops');
  });
});
