import { RISK_RULES } from '../../../review';
import { ADOBE_RECEIVER, fileWith } from '../../support/environment';
import { gitProject, type GitProject } from '../../support/git-project';
import { review } from '../../support/review';
import { expectExit } from '../../support/terraform';

jest.setTimeout(300_000);

type File = Record<string, any>;

/** Adobe assigns each environment its own AAM destinations: one ID per environment name. */
const destinations = new Map<string, string>();
const destinationOf = (name: string) => {
  if (!destinations.has(name)) destinations.set(name, String(500001 + destinations.size));
  return destinations.get(name)!;
};

/** A valid environment file of its own (bucket names, tracking hosts and destinations differ between environments). */
const environment = (name: string, change: (f: File) => void = () => undefined) =>
  fileWith((f) => {
    f.receiver.bucketName = `initech-campaign-aam-${name}`;
    f.dns.trackingServer.records[0].hostname = `t-${name}.initech.example`;
    f.campaign.dataSources[0].aamDestinationId = destinationOf(name);
    change(f);
  });

const KMS_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const declaredId = (aamDestinationId?: string) => ({
  type: 'declared-id',
  label: 'Initech CRM ID',
  alias: 'Adobe Campaign (DeclaredId)',
  reconciliationKey: 'crmId',
  ...(aamDestinationId === undefined ? {} : { aamDestinationId }),
});
const s3Backend = (key: string) => ({ type: 's3', bucket: 'initech-terraform-state', key, region: 'us-east-1' });

interface Case {
  /** The change, in words. */
  readonly change: string;
  /** Undefined: the environment does not exist on that side. */
  readonly base?: (f: File) => void;
  readonly head?: (f: File) => void;
  /** Rule ids raised, once per finding. */
  readonly raised: string[];
  /** What the findings say, in order. */
  readonly says?: string[];
}

const same = () => undefined;

/** What Adobe sent for environment `name`: a location of its own. */
const adobeReceiver = (name: string) => (f: File) => {
  f.receiver = structuredClone(ADOBE_RECEIVER);
  f.receiver.import.receiverServer = `adobe-aam-${name}.s3.amazonaws.com/campaign/import`;
  f.receiver.export.receiverServer = `adobe-aam-${name}.s3.amazonaws.com/campaign/export`;
};

/** Each case is one environment changed between the two revisions by its environment file alone. */
const CASES: Record<string, Case> = {
  'bucket-renamed': {
    change: 'the receiver bucket is renamed (Terraform replaces it; its protections go with it)',
    base: same,
    head: (f) => (f.receiver.bucketName = 'initech-campaign-aam-bucket-renamed-2'),
    says: ['bucket `initech-campaign-aam-bucket-renamed` replaced (forced by `bucket`)'],
    raised: ['bucket-destroyed', 'iam-widened', 'receiver-server-changed', 'receiver-server-changed'],
  },
  'tags-changed': {
    change: 'a tag is added to every resource',
    base: same,
    head: (f) => (f.aws.tags = { Team: 'marketing-ops' }),
    raised: [],
  },
  'force-destroy-on': {
    change: 'forceDestroy is turned on',
    base: same,
    head: (f) => (f.receiver.forceDestroy = true),
    says: ['`force_destroy` false → true'],
    raised: ['force-destroy-on'],
  },
  'force-destroy-off': {
    change: 'forceDestroy is turned off',
    base: (f) => (f.receiver.forceDestroy = true),
    head: same,
    raised: [],
  },
  'kms-removed': {
    change: 'the KMS key is removed (SSE-KMS falls back to SSE-S3; the key loses its KMS permissions)',
    base: (f) => (f.receiver.kmsKeyArn = KMS_KEY),
    head: same,
    says: ['default encryption weakened: `aws:kms` → `AES256`'],
    raised: ['encryption-weakened'],
  },
  'kms-added': {
    change: 'a KMS key is added (stronger encryption; the key gains KMS actions on that key)',
    base: same,
    head: (f) => (f.receiver.kmsKeyArn = KMS_KEY),
    raised: ['iam-widened'],
  },
  'versioning-off': {
    change: 'versioning is turned off',
    base: same,
    head: (f) => (f.receiver.versioning = false),
    says: ['versioning `Enabled` → `Suspended`'],
    raised: ['versioning-suspended'],
  },
  'versioning-on': {
    change: 'versioning is turned on',
    base: (f) => (f.receiver.versioning = false),
    head: same,
    raised: [],
  },
  'slot-retired': {
    change: 'the old key slot is retired after a rotation',
    base: (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'green' }),
    head: (f) => (f.accessKey = { slots: ['green'], activeSlot: 'green' }),
    says: ['access key of slot `blue` destroyed (the external accounts use slot `green`)'],
    raised: ['access-key-replaced'],
  },
  'pgp-added': {
    change: 'a PGP key is added (Terraform replaces the access key)',
    base: same,
    head: (f) => (f.accessKey = { pgpPublicKey: 'keybase:initech_secops' }),
    says: ['access key of slot `blue` replaced (forced by `pgp_key`)'],
    raised: ['access-key-replaced'],
  },
  'slot-added': {
    change: 'a second key slot is added, the active slot stays',
    base: same,
    head: (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'blue' }),
    raised: [],
  },
  'slot-switched': {
    change: 'the active slot switches to the other key',
    base: (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'blue' }),
    head: (f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'green' }),
    raised: ['active-slot-changed', 'active-slot-changed'],
  },
  'dns-retargeted': {
    change: "the tracking CNAME's target changes",
    base: same,
    head: (f) => (f.dns.trackingServer.records[0].target = 'initech-other.campaign.adobe.com'),
    says: [
      '`t-dns-retargeted.initech.example` CNAME retargeted: `["initech.campaign.adobe.com"]` → `["initech-other.campaign.adobe.com"]`',
    ],
    raised: ['tracking-dns-changed'],
  },
  'dns-renamed': {
    change: 'the tracking host name changes (Terraform replaces the record)',
    base: same,
    head: (f) => (f.dns.trackingServer.records[0].hostname = 't2-dns-renamed.initech.example'),
    raised: ['tracking-dns-changed'],
  },
  'dns-zone-moved': {
    change: 'the tracking record moves to another hosted zone (Terraform replaces it)',
    base: same,
    head: (f) => (f.dns.hostedZoneId = 'Z0TESTZONE000000002'),
    says: ['`t-dns-zone-moved.initech.example` CNAME replaced (forced by `zone_id`)'],
    raised: ['tracking-dns-changed'],
  },
  'dns-removed': {
    change: 'one of two tracking records is removed',
    base: (f) => f.dns.trackingServer.records.push({ hostname: 'm.initech.example', target: 'm.campaign.adobe.com' }),
    head: same,
    says: ['`m.initech.example` CNAME removed'],
    raised: ['tracking-dns-changed'],
  },
  'dns-added-and-ttl': {
    change: 'a tracking record is added and the TTL changes',
    base: same,
    head: (f) => {
      f.dns.ttl = 600;
      f.dns.trackingServer.records.push({ hostname: 'm.initech.example', target: 'm.campaign.adobe.com' });
    },
    raised: [],
  },
  'destination-changed': {
    change: 'an AAM Destination ID changes',
    base: same,
    head: (f) => (f.campaign.dataSources[0].aamDestinationId = '654321'),
    raised: ['aam-destination-changed'],
  },
  'data-source-removed': {
    change: 'a shared data source is removed',
    base: (f) => f.campaign.dataSources.push(declaredId('222333')),
    head: same,
    says: ['Shared data source *Initech CRM ID* removed'],
    raised: ['aam-destination-changed'],
  },
  'destination-first-set': {
    change: "a pending AAM Destination ID is filled in from Adobe's reply",
    base: (f) => f.campaign.dataSources.push(declaredId()),
    head: (f) => f.campaign.dataSources.push(declaredId('222333')),
    raised: [],
  },
  'prefix-changed': {
    change: 'the integration prefix changes (both receiver servers; the key gets the new prefix)',
    base: same,
    head: (f) => (f.receiver.prefix = 'segments/'),
    raised: ['iam-widened', 'receiver-server-changed', 'receiver-server-changed'],
  },
  'retention-changed': {
    change: 'segment retention changes',
    base: same,
    head: (f) => (f.receiver.segmentRetentionDays = 14),
    raised: [],
  },
  'backend-moved': {
    change: 'the state key changes',
    base: (f) => (f.backend = s3Backend('campaign-aam/backend-moved.tfstate')),
    head: (f) => (f.backend = s3Backend('campaign-aam/backend-moved-2.tfstate')),
    says: ['`s3.key` `campaign-aam/backend-moved.tfstate` → `campaign-aam/backend-moved-2.tfstate`'],
    raised: ['backend-changed'],
  },
  'account-guarded': {
    change: 'the account guard is set to another account',
    base: (f) => (f.aws.accountId = '111122223333'),
    head: (f) => (f.aws.accountId = '444455556666'),
    says: ['`allowed_account_ids` `["111122223333"]` → `["444455556666"]`'],
    raised: ['account-guard-changed'],
  },
  'adobe-key-changed': {
    change: 'Adobe sends a new key for the import account (its secret must be stored anew)',
    base: adobeReceiver('adobe-key-changed'),
    head: (f) => {
      adobeReceiver('adobe-key-changed')(f);
      f.receiver.import.accessKeyId = 'AKIAADOBEEXAMPLE0003';
    },
    says: [
      'External account *importSharedAudience*: AWS Access Key ID `AKIAADOBEEXAMPLE0001` → `AKIAADOBEEXAMPLE0003`; store its secret after deploy with `npm run secret -- set adobe-key-changed --account import` (a new version of `campaign-aam-adobe-key-changed/import-secret-access-key`)',
    ],
    raised: ['adobe-key-changed'],
  },
  'adobe-location-changed': {
    change: 'Adobe moves the export folder',
    base: adobeReceiver('adobe-location-changed'),
    head: (f) => {
      adobeReceiver('adobe-location-changed')(f);
      f.receiver.export.receiverServer = 'adobe-aam-adobe-location-changed.s3.amazonaws.com/campaign/out';
    },
    raised: ['receiver-server-changed'],
  },
  'mode-to-adobe': {
    change: "the environment switches from the stack's bucket and key to Adobe's receiver",
    base: same,
    head: adobeReceiver('mode-to-adobe'),
    says: [
      "External account *importSharedAudience*: Provisioned by `this stack` → `Adobe`; enter Receiver server, AWS Access Key ID, Secret Access Key, AWS Region again from Adobe's reply; the plan: 2 resources created (aws_secretsmanager_secret), 14 resources destroyed (aws_iam_access_key, aws_iam_group, aws_iam_group_policy_attachment, aws_iam_policy, aws_iam_user, aws_iam_user_group_membership, aws_s3_bucket, aws_s3_bucket_lifecycle_configuration, aws_s3_bucket_notification, aws_s3_bucket_ownership_controls, aws_s3_bucket_policy, aws_s3_bucket_public_access_block, aws_s3_bucket_server_side_encryption_configuration, aws_s3_bucket_versioning)",
    ],
    raised: [
      'access-key-replaced',
      'bucket-destroyed',
      'receiver-mode-switched',
      'receiver-mode-switched',
      'receiver-server-changed',
      'receiver-server-changed',
    ],
  },
  'mode-to-stack': {
    change: "the environment switches from Adobe's receiver to the stack's bucket and key",
    base: adobeReceiver('mode-to-stack'),
    head: same,
    raised: ['receiver-mode-switched', 'receiver-mode-switched', 'receiver-server-changed', 'receiver-server-changed'],
  },
  'env-removed': {
    change: 'the environment file is deleted',
    base: same,
    raised: ['environment-removed'],
  },
  'env-added': {
    change: 'an environment file is added',
    head: same,
    raised: [],
  },
};

/** Code changes apply to every environment; one environment shows them. */
const CODE_CHANGES = {
  widened: {
    change:
      'the code opens the bucket (public-access flag off, ACLs on, a public Allow in place of the TLS deny), renames the versioning resource and widens the key (s3:*, no prefix condition)',
    raised: [
      'bucket-protection-destroyed',
      'iam-widened',
      'public-access-opened',
      'public-access-opened',
      'public-access-opened',
      'tls-only-removed',
    ],
  },
  narrowed: {
    change: 'the code renames a TLS statement and drops an action from the key',
    raised: [],
  },
};

const rulesOf = (report: any, environment: string) =>
  (report.risks as { rule: string; environment: string }[])
    .filter((r) => r.environment === environment)
    .map((r) => r.rule)
    .sort();

function reviewJson(project: GitProject, base: string, head: string): any {
  const result = review(project.dir, ['--base', base, '--head', head, '--json']);
  expectExit(result, 0);
  const report = JSON.parse(result.stdout);
  // An invalid revision is reported without risks: a fixture gone invalid would pass every silent case.
  expect(report.problems).toEqual([]);
  return report;
}

describe('risk rules, raised and silent, on revision pairs in a git repository', () => {
  let report: any;

  beforeAll(() => {
    const project = gitProject();
    for (const [name, c] of Object.entries(CASES))
      if (c.base !== undefined) project.writeEnvironment(name, environment(name, c.base));
    const base = project.commit('base');
    for (const [name, c] of Object.entries(CASES)) {
      if (c.head === undefined) project.removeEnvironment(name);
      else project.writeEnvironment(name, environment(name, c.head));
    }
    const head = project.commit('head');
    report = reviewJson(project, base, head);
  });

  it.each(Object.entries(CASES).map(([name, c]) => [name, c.change, c] as const))('%s: %s', (name, _change, c) => {
    expect(rulesOf(report, name)).toEqual([...c.raised].sort());
    const said = (report.risks as { environment: string; what: string }[])
      .filter((r) => r.environment === name)
      .map((r) => r.what);
    for (const what of c.says ?? []) expect(said).toContain(what);
  });

  it('reports added and removed environments as such', () => {
    const presence = Object.fromEntries(report.environments.map((e: any) => [e.name, e.presence]));
    expect(presence['env-added']).toBe('added');
    expect(presence['env-removed']).toBe('removed');
  });
});

describe('risk rules raised and silent by code changes', () => {
  const reports: Record<string, any> = {};

  beforeAll(() => {
    const project = gitProject();
    project.writeEnvironment('code', environment('code'));
    const base = project.commit('base');
    // Policy checks would stop the widened code at synth; the review must see it anyway.
    project.patch('stacks/environment-stack.ts', '    Aspects.of(this).add(new PolicyChecks());\n', '');
    project.patch('constructs/receiver-bucket.ts', 'blockPublicAcls: true,', 'blockPublicAcls: false,');
    project.patch(
      'constructs/receiver-bucket.ts',
      "objectOwnership: 'BucketOwnerEnforced'",
      "objectOwnership: 'ObjectWriter'",
    );
    project.patch(
      'constructs/receiver-bucket.ts',
      "Sid: 'DenyInsecureTransport',\n          Effect: 'Deny',",
      "Sid: 'PublicAccess',\n          Effect: 'Allow',",
    );
    project.patch(
      'constructs/receiver-bucket.ts',
      "new S3BucketVersioningA(this, 'versioning',",
      "new S3BucketVersioningA(this, 'versioning-v2',",
    );
    project.patch(
      'constructs/receiver-access-key.ts',
      "'s3:AbortMultipartUpload',",
      "'s3:AbortMultipartUpload',\n        's3:*',",
    );
    project.patch(
      'constructs/receiver-access-key.ts',
      "Condition: { StringLike: { 's3:prefix': [prefix, `${prefix}*`] } },",
      '',
    );
    const widened = project.commit('widened');
    project.git('checkout', '--quiet', base, '--', '.');
    project.patch('constructs/receiver-bucket.ts', "Sid: 'DenyOutdatedTls',", "Sid: 'DenyTlsBelow12',");
    project.patch('constructs/receiver-access-key.ts', "'s3:AbortMultipartUpload',", '');
    const narrowed = project.commit('narrowed');
    reports.widened = reviewJson(project, base, widened);
    reports.narrowed = reviewJson(project, base, narrowed);
  });

  it.each(Object.entries(CODE_CHANGES).map(([name, c]) => [name, c.change, c.raised] as const))(
    '%s: %s',
    (name, _change, raised) => {
      expect(rulesOf(reports[name], 'code')).toEqual([...raised].sort());
      expect(reports[name].environments[0].changed).toBe(true);
    },
  );

  it('covers every revision rule both ways (drift comes only from plans: see the plan tests)', () => {
    const raised = new Set([...Object.values(CASES), ...Object.values(CODE_CHANGES)].flatMap((c) => c.raised));
    expect(RISK_RULES.map((r) => r.id).filter((id) => !raised.has(id))).toEqual(['drift']);
  });
});
