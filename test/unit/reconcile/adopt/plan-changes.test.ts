import { settingChanges, tagChanges, userChanges, recordChanges } from '../../../../reconcile/adopt/plan-changes';
import { declaredResources, synthesizeInMemory } from '../../../../reconcile/lookups/declared-resources';
import type { BucketSettingsFound } from '../../../../reconcile/lookups/bucket';
import { bucketSettingOf } from '../../../../stacks/import-ids';
import { environment, fileWith } from '../../../support/environment';

const BUCKET = 'initech-campaign-aam-test';
let resources: ReturnType<typeof declaredResources>;
beforeAll(async () => {
  resources = declaredResources(
    synthesizeInMemory(
      await environment(fileWith((f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'aam/' }))),
      '/project',
    ),
    '123456789012',
  );
});
const declared = (type: string) => resources.find((r) => r.type === type)!.attributes;
const changesOf = (type: string, found: BucketSettingsFound) =>
  settingChanges(bucketSettingOf(type)!, declared(type), found);

describe('what the first plan changes on an existing resource', () => {
  it('shows versioning as Terraform does: a never-versioned bucket is "Disabled"', async () => {
    expect(changesOf('aws_s3_bucket_versioning', {})).toEqual(['versioning: Disabled → Enabled']);
    expect(changesOf('aws_s3_bucket_versioning', { versioning: { status: 'Suspended' } })).toEqual([
      'versioning: Suspended → Enabled',
    ]);
    expect(changesOf('aws_s3_bucket_versioning', { versioning: { status: 'Enabled' } })).toEqual([]);
  });

  it('names each public access block flag that changes', async () => {
    const found = {
      publicAccessBlock: {
        blockPublicAcls: true,
        blockPublicPolicy: false,
        ignorePublicAcls: true,
        restrictPublicBuckets: false,
      },
    };
    expect(changesOf('aws_s3_bucket_public_access_block', found)).toEqual([
      'block_public_policy: false → true',
      'restrict_public_buckets: false → true',
    ]);
  });

  it('shows a customer-managed key replaced by SSE-S3, and ACLs being disabled', async () => {
    expect(
      changesOf('aws_s3_bucket_server_side_encryption_configuration', {
        encryption: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'alias/old', bucketKeyEnabled: true },
      }),
    ).toEqual(['default encryption: aws:kms with key alias/old, bucket key → AES256']);
    expect(
      changesOf('aws_s3_bucket_ownership_controls', { ownershipControls: { objectOwnership: 'ObjectWriter' } }),
    ).toEqual(['object ownership: ObjectWriter → BucketOwnerEnforced']);
  });

  it('lists the lifecycle rules the stack removes and adds, keeping identical ones', async () => {
    const changes = changesOf('aws_s3_bucket_lifecycle_configuration', {
      lifecycle: {
        rules: [
          {
            ID: 'old-archive',
            Status: 'Enabled',
            Filter: { Prefix: 'archive/' },
            Transitions: [{ Days: 30, StorageClass: 'GLACIER' }],
          },
          {
            ID: 'abort-incomplete-multipart-uploads',
            Status: 'Enabled',
            Filter: { Prefix: '' },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          },
        ],
      },
    });
    expect(changes).toEqual([
      'lifecycle rule: removes old-archive (Enabled): prefix "archive/", and settings this stack does not declare',
      'lifecycle rule: adds expire-segment-files (Enabled): prefix "campaign-aam/", expire after 30 d',
      'lifecycle rule: adds expire-noncurrent-versions (Enabled): prefix "", expire old versions after 30 d',
    ]);
  });

  it('lists the bucket policy statements the stack replaces', async () => {
    const changes = changesOf('aws_s3_bucket_policy', {
      policy: {
        document: {
          Statement: [
            {
              Sid: 'PartnerRead',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::999999999999:root' },
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::${BUCKET}/*`,
            },
          ],
        },
      },
    });
    expect(changes[0]).toBe(
      `bucket policy statement: removes PartnerRead: Allow s3:GetObject on arn:aws:s3:::${BUCKET}/* for {"AWS":"arn:aws:iam::999999999999:root"}`,
    );
    expect(changes.slice(1).map((c) => c.split(':')[0] + ': ' + c.split(': ')[1].split(' ')[0])).toEqual([
      'bucket policy statement: adds',
      'bucket policy statement: adds',
    ]);
  });

  it('warns that the notification configuration replaces destinations the stack does not declare', async () => {
    expect(
      changesOf('aws_s3_bucket_notification', { notifications: { eventBridge: false, otherDestinations: 2 } }),
    ).toEqual([
      'EventBridge notifications: false → true',
      'event notifications: removes 2 SNS/SQS/Lambda destination(s) the stack does not declare',
    ]);
  });

  it('shows access logging moving to the declared target', async () => {
    expect(changesOf('aws_s3_bucket_logging', { logging: { targetBucket: 'old-logs', targetPrefix: 'x/' } })).toEqual([
      'access logging: s3://old-logs/x/ → s3://initech-logs/aam/',
    ]);
  });

  it("sets exactly the provider's default tags: adds, changes and removes", async () => {
    expect(tagChanges({ Owner: 'dana', Environment: 'old' }, { Environment: 'test', ManagedBy: 'cdktf' })).toEqual([
      'tags: Environment=old, Owner=dana → Environment=test, ManagedBy=cdktf',
    ]);
    expect(tagChanges({ ManagedBy: 'cdktf' }, { ManagedBy: 'cdktf' })).toEqual([]);
  });

  it("moves a user to the stack's path and drops a permissions boundary, and says what that means", async () => {
    const user = {
      name: 'legacy',
      state: 'found' as const,
      arn: 'arn:aws:iam::123456789012:user/legacy',
      path: '/',
      permissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
      tags: {},
      inlinePolicies: [],
      attachedPolicies: [],
      groups: [],
      accessKeys: [],
      consoleAccess: false,
      unreadable: [],
    };
    expect(userChanges(declared('aws_iam_user'), user)).toEqual([
      "path: / → /campaign-aam/ (the user's ARN becomes arn:aws:iam::…:user/campaign-aam/legacy; policies that name the old ARN stop matching)",
      'permissions boundary: arn:aws:iam::123456789012:policy/boundary → none',
    ]);
  });

  it("compares a record's TTL and value, case-insensitively", async () => {
    const record = declared('aws_route53_record');
    expect(
      recordChanges(record, {
        name: 't.initech.example',
        type: 'CNAME',
        ttl: 300,
        values: ['initech.campaign.adobe.com'],
      }),
    ).toEqual([]);
    expect(
      recordChanges(record, { name: 't.initech.example', type: 'CNAME', ttl: 60, values: ['old.example'] }),
    ).toEqual(['TTL: 60 → 300', 'value: old.example → initech.campaign.adobe.com']);
    expect(
      recordChanges(record, {
        name: 't.initech.example',
        type: 'CNAME',
        values: [],
        special: 'alias to x.cloudfront.net',
      }),
    ).toEqual(['record: alias to x.cloudfront.net → a plain CNAME record']);
  });

  it("compares a delegation's name servers as a set: Route 53's order is no change", async () => {
    const [ns] = declaredResources(
      synthesizeInMemory(
        await environment(
          fileWith(
            (f) =>
              (f.dns.trackingServer = {
                method: 'delegation',
                subdomain: 'email.initech.example',
                nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
              }),
          ),
        ),
        '/project',
      ),
      '123456789012',
    ).filter((r) => r.type === 'aws_route53_record');
    const found = (values: string[]) => ({ name: 'email.initech.example', type: 'NS', ttl: 300, values });
    expect(recordChanges(ns.attributes, found(['NS2.adobe.example', 'ns1.adobe.example']))).toEqual([]);
    expect(recordChanges(ns.attributes, found(['ns3.adobe.example', 'ns1.adobe.example']))).toEqual([
      'value: ns1.adobe.example, ns3.adobe.example → ns1.adobe.example, ns2.adobe.example',
    ]);
  });
});
