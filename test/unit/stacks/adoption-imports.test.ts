import { TerraformStack, Testing } from 'cdktf';
import { BUCKET_SETTINGS } from '../../../config/adopt';
import { CampaignAamIntegration } from '../../../constructs/campaign-aam-integration';
import { BUCKET_SETTING_TYPES } from '../../../stacks/import-ids';
import { environment, fileWith, resourcesOf, synthStack } from '../../support/environment';

type Json = Record<string, any>;
interface ImportBlock {
  readonly id: string;
  readonly to: string;
}

const BUCKET = 'initech-campaign-aam-test';

/** The import blocks of a stack synthesized from the valid file with `adopt`, as `type → ids`. */
async function importsOf(
  adopt: unknown,
  change: (f: Json) => void = () => undefined,
): Promise<Record<string, string[]>> {
  const synthesized = JSON.parse(
    await synthStack(
      fileWith((f) => {
        f.adopt = adopt;
        change(f);
      }),
    ),
  ) as Json;
  const blocks = (synthesized.import ?? []) as ImportBlock[];
  const byType: Record<string, string[]> = {};
  for (const block of blocks) {
    const [type, name] = block.to.split('.');
    // Every block imports into a resource the stack declares.
    expect(synthesized.resource[type]?.[name]).toBeDefined();
    (byType[type] ??= []).push(block.id);
  }
  return byType;
}

const allBucketSettings = (settings: readonly string[]) =>
  Object.fromEntries(settings.map((s) => [BUCKET_SETTING_TYPES[s as keyof typeof BUCKET_SETTING_TYPES], [BUCKET]]));

describe('adoption import blocks', () => {
  it('emits none without an adopt section, or with every flag false', async () => {
    expect(JSON.parse(await synthStack()).import).toBeUndefined();
    expect(await importsOf({ receiverBucket: false, iamUser: false, trackingRecords: false })).toEqual({});
  });

  it('receiverBucket: true imports the bucket and every setting the stack declares, by the bucket name', async () => {
    expect(await importsOf({ receiverBucket: true })).toEqual({
      aws_s3_bucket: [BUCKET],
      ...allBucketSettings([
        'publicAccessBlock',
        'ownershipControls',
        'encryption',
        'versioning',
        'lifecycle',
        'policy',
        'notifications',
      ]),
    });
  });

  it('includes access logging when it is declared', async () => {
    const imports = await importsOf(
      { receiverBucket: true },
      (f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'aam/' }),
    );
    expect(imports.aws_s3_bucket_logging).toEqual([BUCKET]);
    expect(Object.keys(imports)).toHaveLength(BUCKET_SETTINGS.length + 1);
  });

  it('leaves out notifications in an emulator environment, which declares none', async () => {
    const imports = await importsOf({ receiverBucket: true }, (f) => (f.aws.endpoint = 'http://127.0.0.1:4566'));
    expect(imports.aws_s3_bucket_notification).toBeUndefined();
    expect(imports.aws_s3_bucket_policy).toEqual([BUCKET]);
  });

  it('with a list of settings imports the bucket and only those; the others are created', async () => {
    expect(await importsOf({ receiverBucket: { settings: ['versioning', 'encryption'] } })).toEqual({
      aws_s3_bucket: [BUCKET],
      aws_s3_bucket_versioning: [BUCKET],
      aws_s3_bucket_server_side_encryption_configuration: [BUCKET],
    });
    expect(await importsOf({ receiverBucket: { settings: [] } })).toEqual({ aws_s3_bucket: [BUCKET] });
  });

  it('iamUser: true imports the user the stack names, and nothing else of the identity', async () => {
    expect(await importsOf({ iamUser: true })).toEqual({ aws_iam_user: ['campaign-aam-test'] });
  });

  it('an existing user name is imported and kept; the group and policy keep the stack names', async () => {
    const synthesized = await synthStack(fileWith((f) => (f.adopt = { iamUser: 'legacy-campaign' })));
    expect(await importsOf({ iamUser: 'legacy-campaign' })).toEqual({ aws_iam_user: ['legacy-campaign'] });
    expect(resourcesOf(synthesized, 'aws_iam_user')).toEqual([
      expect.objectContaining({ name: 'legacy-campaign', path: '/campaign-aam/' }),
    ]);
    expect(resourcesOf(synthesized, 'aws_iam_group')).toEqual([expect.objectContaining({ name: 'campaign-aam-test' })]);
    expect(resourcesOf(synthesized, 'aws_iam_policy')).toEqual([
      expect.objectContaining({ name: 'campaign-aam-test' }),
    ]);
    expect(resourcesOf(synthesized, 'aws_iam_access_key')).toHaveLength(1);
  });

  it('trackingRecords imports every tracking record as ZONEID_name_TYPE, or only the listed ones', async () => {
    const twoRecords = (f: Json) =>
      f.dns.trackingServer.records.push({ hostname: 's.initech.example', target: 'initech-s.campaign.adobe.com' });
    expect(await importsOf({ trackingRecords: true }, twoRecords)).toEqual({
      aws_route53_record: [
        'Z0TESTZONE000000001_t.initech.example_CNAME',
        'Z0TESTZONE000000001_s.initech.example_CNAME',
      ],
    });
    expect(await importsOf({ trackingRecords: ['s.initech.example'] }, twoRecords)).toEqual({
      aws_route53_record: ['Z0TESTZONE000000001_s.initech.example_CNAME'],
    });
  });

  it('imports a delegation as its NS record', async () => {
    const delegation = (f: Json) =>
      (f.dns.trackingServer = {
        method: 'delegation',
        subdomain: 'email.initech.example',
        nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
      });
    expect(await importsOf({ trackingRecords: true }, delegation)).toEqual({
      aws_route53_record: ['Z0TESTZONE000000001_email.initech.example_NS'],
    });
  });

  it('knows the Terraform type of every bucket setting the construct declares', async () => {
    const env = await environment(
      fileWith((f) => (f.receiver.accessLogs = { bucketName: 'initech-logs', prefix: 'l/' })),
    );
    const integration = new CampaignAamIntegration(new TerraformStack(Testing.app(), 'test'), 'integration', env);
    expect([...integration.receiver!.settings.keys()]).toEqual([...BUCKET_SETTINGS]);
    for (const [setting, resource] of integration.receiver!.settings) {
      expect(resource.terraformResourceType).toBe(BUCKET_SETTING_TYPES[setting]);
    }
  });
});
