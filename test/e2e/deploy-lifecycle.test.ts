import {
  GetGroupCommand,
  GetLoginProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { ChangeResourceRecordSetsCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cdktf, verify } from '../support/cdktf-cli';
import type { Moto } from '../../emulator/moto';
import { expectExit, terraform } from '../support/terraform';
import { type RunResult } from '../support/run';
import { clients, emptyVersionedBucket, type Credentials, withBucketPolicySetAside } from './aws-clients';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(600_000);

const NAME = 'e2e';
const BUCKET = 'initech-campaign-aam-e2e';
const PREFIX = 'campaign-aam/';
const ZONE = 'e2e.initech.example';

/**
 * One emulator-backed environment through its whole life, with the real cdktf CLI and Terraform:
 * deploy, read back, no perpetual diff, the key's real permissions, a one-field change, drift,
 * the connection check, and destroy. Steps share state and run in order.
 */
describe('deploy lifecycle against moto', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let moto: Moto;
  let work: string;
  let stackDir: string;
  let aws: ReturnType<typeof clients>;
  let file: Record<string, any>;

  const cli = (command: string, extra: string[] = []): RunResult => cdktf(work, command, NAME, extra);
  const deploy = () => expectExit(cli('deploy', ['--auto-approve']), 0);
  const writeEnv = () => emulator.write(NAME, file);
  const plan = (args: string[] = []) => terraform(stackDir, ['plan', '-input=false', '-detailed-exitcode', ...args]);
  const outputs = () =>
    JSON.parse(terraform(stackDir, ['output', '-json']).stdout) as Record<string, { value: string }>;
  const issuedKey = (): Credentials => {
    const o = outputs();
    return { accessKeyId: o.access_key_id.value, secretAccessKey: o.secret_access_key_blue.value };
  };

  beforeAll(() => {
    ({ moto, work, aws } = emulator);
    file = emulator.file(NAME, { bucketName: BUCKET });
    writeEnv();
    stackDir = emulator.stackDir(NAME);
  });

  it('1. cdktf deploy creates every resource', () => {
    deploy();
    const state = JSON.parse(readFileSync(join(work, 'e2e.tfstate'), 'utf8'));
    const types = state.resources.map((r: { type: string }) => r.type).sort();
    expect(types).toEqual(
      [
        'aws_iam_access_key',
        'aws_iam_group',
        'aws_iam_group_policy_attachment',
        'aws_iam_policy',
        'aws_iam_user',
        'aws_iam_user_group_membership',
        'aws_route53_record',
        'aws_s3_bucket',
        'aws_s3_bucket_lifecycle_configuration',
        'aws_s3_bucket_ownership_controls',
        'aws_s3_bucket_policy',
        'aws_s3_bucket_public_access_block',
        'aws_s3_bucket_server_side_encryption_configuration',
        'aws_s3_bucket_versioning',
        // provisioning request, two external accounts, one data source
        'terraform_data',
        'terraform_data',
        'terraform_data',
        'terraform_data',
      ].sort(),
    );
  });

  it('2. reads back exactly what was declared', async () => {
    const { s3, iam, route53 } = aws;
    const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: BUCKET }));
    expect(
      encryption.ServerSideEncryptionConfiguration?.Rules?.[0].ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('AES256');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBe('Enabled');
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket: BUCKET }))).PublicAccessBlockConfiguration).toEqual(
      {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    );
    expect((await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: BUCKET }))).OwnershipControls?.Rules).toEqual(
      [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    );
    const lifecycle = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: BUCKET }));
    expect(lifecycle.Rules?.map((r) => r.ID).sort()).toEqual([
      'abort-incomplete-multipart-uploads',
      'expire-noncurrent-versions',
      'expire-segment-files',
    ]);
    expect(lifecycle.Rules?.find((r) => r.ID === 'expire-segment-files')).toMatchObject({
      Status: 'Enabled',
      Expiration: { Days: 30 },
    });
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: BUCKET }))).Policy!);
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['DenyInsecureTransport', 'DenyOutdatedTls']);

    const user = `campaign-aam-${NAME}`;
    expect((await iam.send(new GetUserCommand({ UserName: user }))).User?.Path).toBe('/campaign-aam/');
    await expect(iam.send(new GetLoginProfileCommand({ UserName: user }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: user }))).PolicyNames).toEqual([]);
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: user }))).AttachedPolicies).toEqual([]);
    expect((await iam.send(new GetGroupCommand({ GroupName: user }))).Users?.map((u) => u.UserName)).toEqual([user]);
    const [attached] =
      (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: user }))).AttachedPolicies ?? [];
    const version = (await iam.send(new GetPolicyCommand({ PolicyArn: attached.PolicyArn }))).Policy?.DefaultVersionId;
    const document = (
      await iam.send(new GetPolicyVersionCommand({ PolicyArn: attached.PolicyArn, VersionId: version }))
    ).PolicyVersion?.Document;
    expect(JSON.parse(decodeURIComponent(document!)).Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'ListIntegrationPrefix',
      'LocateBucket',
      'ExchangeSegmentFiles',
    ]);
    expect((await iam.send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata).toHaveLength(1);

    const records = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: file.dns.hostedZoneId }));
    expect(records.ResourceRecordSets?.find((r) => r.Type === 'CNAME')).toMatchObject({
      Name: `t.${ZONE}.`,
      TTL: 300,
      ResourceRecords: [{ Value: 'initech.campaign.adobe.com' }],
    });
  });

  it('3. a second plan reports no changes', () => {
    expectExit(plan(), 0);
  });

  it("4. the issued key works for Campaign's operations under the prefix, and nowhere else once IAM is enforced", async () => {
    await aws.s3.send(new CreateBucketCommand({ Bucket: 'initech-other-bucket' }));
    const campaign = clients(moto.endpoint, issuedKey()).s3;
    const useAsCampaign = async () => {
      const key = `${PREFIX}import/segment.csv`;
      await campaign.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'mid,segment\n1,a\n' }));
      const listed = await campaign.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }));
      expect(listed.Contents?.map((o) => o.Key)).toContain(key);
      expect(
        await (await campaign.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body?.transformToString(),
      ).toBe('mid,segment\n1,a\n');
      await campaign.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    };
    await withBucketPolicySetAside(aws.s3, BUCKET, async () => {
      await useAsCampaign();
      await moto.enforceIam(true);
      try {
        await useAsCampaign();
        const denied = { name: 'AccessDenied' };
        await expect(
          campaign.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'outside/x.csv', Body: 'x' })),
        ).rejects.toMatchObject(denied);
        await expect(
          campaign.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'outside/x.csv' })),
        ).rejects.toMatchObject(denied);
        await expect(
          campaign.send(new PutObjectCommand({ Bucket: 'initech-other-bucket', Key: `${PREFIX}x.csv`, Body: 'x' })),
        ).rejects.toMatchObject(denied);
        await expect(campaign.send(new ListObjectsV2Command({ Bucket: 'initech-other-bucket' }))).rejects.toMatchObject(
          denied,
        );
        await expect(campaign.send(new ListBucketsCommand({}))).rejects.toMatchObject(denied);
      } finally {
        await moto.enforceIam(false);
      }
    });
    expectExit(plan(), 0);
  });

  it('4b. npm run verify passes with the issued key and fails clearly with a wrong one', async () => {
    const ok = await withBucketPolicySetAside(aws.s3, BUCKET, async () => verify(work, NAME));
    expectExit(ok, 0);
    expect(ok.stdout).toMatch(
      /✓ write: wrote s3:\/\/initech-campaign-aam-e2e\/campaign-aam\/import\/campaign-aam-connection-check-/,
    );
    expect(ok.stdout).toContain('✓ delete:');
    expect(ok.stdout).toContain('Connection check passed.');

    await moto.enforceIam(true);
    try {
      const wrong = verify(work, NAME, {
        CAMPAIGN_AAM_ACCESS_KEY_ID: 'AKIAWRONGWRONGWRONG1',
        CAMPAIGN_AAM_SECRET_ACCESS_KEY: 'not-the-secret',
      });
      expectExit(wrong, 1);
      expect(wrong.stdout).toMatch(
        /✗ write: ((InvalidAccessKeyId|InvalidClientTokenId): the access key ID does not exist: it was retired, or mistyped|HTTP 403: the key was refused: it is retired, mistyped, or not allowed to do this here)$/m,
      );
      expect(wrong.stdout).toContain('Connection check FAILED.');
      expect(wrong.stdout + wrong.stderr).not.toContain(issuedKey().secretAccessKey);
    } finally {
      await moto.enforceIam(false);
    }
  });

  it('5. changing one AAM Destination ID plans exactly one in-place update, then applies', () => {
    file.campaign.dataSources[0].aamDestinationId = '777777';
    writeEnv();
    expectExit(cli('synth'), 0);
    expectExit(plan(['-out=change.plan']), 2);
    const shown = JSON.parse(terraform(stackDir, ['show', '-json', 'change.plan']).stdout);
    const changes = shown.resource_changes.filter(
      (c: { change: { actions: string[] } }) => c.change.actions.join() !== 'no-op',
    );
    expect(changes).toEqual([
      expect.objectContaining({ type: 'terraform_data', change: expect.objectContaining({ actions: ['update'] }) }),
    ]);
    expect(changes[0].address).toMatch(/data-source-visitor-id/);
    expect(changes[0].change.before.input.aamDestinationId).toBe('123456');
    expect(changes[0].change.after.input.aamDestinationId).toBe('777777');
    const text = terraform(stackDir, ['show', 'change.plan']).stdout;
    expect(text).toMatch(/~ aamDestinationId\s+= "123456" -> "777777"/);
    deploy();
    expectExit(plan(), 0);
  });

  it('6. drift made out of band is reported by the next plan and repaired by the next deploy', async () => {
    await aws.s3.send(
      new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Suspended' } }),
    );
    await aws.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: file.dns.hostedZoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'DELETE',
              ResourceRecordSet: {
                Name: `t.${ZONE}`,
                Type: 'CNAME',
                TTL: 300,
                ResourceRecords: [{ Value: 'initech.campaign.adobe.com' }],
              },
            },
          ],
        },
      }),
    );
    const drifted = plan();
    expectExit(drifted, 2);
    expect(drifted.stdout).toMatch(/aws_s3_bucket_versioning\.\S+ will be updated in-place/);
    expect(drifted.stdout).toMatch(/aws_route53_record\.\S+ will be created/);

    deploy();
    expectExit(plan(), 0);
    expect((await aws.s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBe('Enabled');
  });

  it('8. destroy leaves no bucket, user, key or record behind', async () => {
    // forceDestroy stays off (the secure default), so the operator empties the bucket first: every
    // version and delete marker Campaign's traffic left behind.
    expect(await withBucketPolicySetAside(aws.s3, BUCKET, () => emptyVersionedBucket(aws.s3, BUCKET))).toBeGreaterThan(
      0,
    );
    expect((await aws.s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET }))).Versions ?? []).toEqual([]);

    expectExit(cli('destroy', ['--auto-approve']), 0);
    const buckets = (await aws.s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
    expect(buckets).toEqual(['initech-other-bucket']);
    expect((await aws.iam.send(new ListUsersCommand({}))).Users).toEqual([]);
    const records = await aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: file.dns.hostedZoneId }));
    expect(records.ResourceRecordSets?.map((r) => r.Type).sort()).toEqual(['NS', 'SOA']);
  });
});
