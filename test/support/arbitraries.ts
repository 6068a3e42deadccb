import fc from 'fast-check';
import { AWS_REGIONS } from '../../config/aws-regions';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/);
const zone = fc.tuple(label, fc.constantFrom('example', 'example.com', 'test.example')).map(([a, b]) => `${a}.${b}`);
const bucketName = fc
  .stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/)
  .filter(
    (n) =>
      !n.startsWith('xn--') &&
      !n.startsWith('sthree-') &&
      !n.startsWith('amzn-s3-demo-') &&
      !/(-s3alias|--ol-s3|--x-s3|--table-s3)$/.test(n),
  );
const digits = fc.stringMatching(/^[1-9][0-9]{2,8}$/);
const text = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9 .,&'()-]{0,40}$/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/** Valid environment files, as a user would write them, covering every optional section. */
export const validEnvironmentFile = fc
  .record({
    tier: fc.constantFrom('development', 'staging', 'production'),
    label: text,
    org: text,
    imsOrgId: fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((s) => `${s}@AdobeOrg`),
    service: fc.constantFrom('audience-manager', 'people-core-service'),
    identity: fc.constantFrom('declared-id', 'visitor-id'),
    license: fc.boolean(),
    region: fc.constantFrom(...AWS_REGIONS),
    accountId: fc.option(fc.stringMatching(/^[0-9]{12}$/), { nil: undefined }),
    bucket: bucketName,
    prefix: fc.array(label, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('/')}/`),
    retention: fc.integer({ min: 1, max: 3650 }),
    kms: fc.boolean(),
    logs: fc.boolean(),
    pgp: fc.boolean(),
    twoSlots: fc.boolean(),
    zone,
    delegation: fc.boolean(),
    // `m.` and `sm.` are the Visitor ID hosts below, which may not be Campaign tracking names.
    hosts: fc.uniqueArray(
      label.filter((h) => h !== 'm' && h !== 'sm'),
      { minLength: 1, maxLength: 3 },
    ),
    ttl: fc.integer({ min: 60, max: 172800 }),
    // Adobe assigns each data source its own destination, so the IDs are distinct (or pending).
    destinations: fc.uniqueArray(fc.option(digits, { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
      selector: (d) => d ?? Symbol('pending'),
    }),
    declared: fc.array(
      fc.record({
        label: text,
        triggers: fc.boolean(),
        priority: fc.nat(1000),
      }),
      { maxLength: 3 },
    ),
    visitorService: fc.boolean(),
    s3Backend: fc.boolean(),
  })
  .map((g) => {
    const declared =
      g.identity === 'declared-id' && g.declared.length === 0
        ? [{ label: 'Declared', triggers: false, priority: 0 }]
        : g.declared;
    return {
      environment: { label: g.label, tier: g.tier },
      organization: { name: g.org, imsOrgId: g.imsOrgId },
      request: {
        service: g.service,
        identity: g.identity,
        ownsAudienceManagerLicense: g.license,
        requester: { name: 'Ops', email: 'ops@example.com' },
      },
      aws: { region: g.region, ...(g.accountId === undefined ? {} : { accountId: g.accountId }) },
      receiver: {
        bucketName: g.bucket,
        prefix: g.prefix,
        segmentRetentionDays: g.retention,
        ...(g.kms
          ? { kmsKeyArn: `arn:aws:kms:${g.region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab` }
          : {}),
        ...(g.logs ? { accessLogs: { bucketName: `${g.bucket.slice(0, 50)}-logs`, prefix: 'logs/' } } : {}),
      },
      accessKey: {
        slots: g.twoSlots ? ['blue', 'green'] : ['blue'],
        activeSlot: 'blue',
        ...(g.pgp ? { pgpPublicKey: 'keybase:ops_team' } : {}),
      },
      dns: {
        hostedZoneId: 'Z0FUZZ000000000000001',
        zoneName: g.zone,
        ttl: g.ttl,
        trackingServer: g.delegation
          ? {
              method: 'delegation',
              subdomain: `${g.hosts[0]}.${g.zone}`,
              nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
            }
          : {
              method: 'cname',
              records: g.hosts.map((h) => ({ hostname: `${h}.${g.zone}`, target: 'tracking.campaign.adobe.com' })),
            },
      },
      campaign: {
        dataSources: [
          {
            type: 'visitor-id',
            ...(g.destinations[0] === undefined ? {} : { aamDestinationId: g.destinations[0] }),
          },
          ...declared.map((d, i) => ({
            type: 'declared-id',
            label: `${d.label} ${i}`,
            alias: `Alias ${i}`,
            reconciliationKey: 'crmId',
            servesTriggers: d.triggers,
            ...(g.destinations[i + 1] === undefined ? {} : { aamDestinationId: g.destinations[i + 1] }),
            ...(d.triggers ? { priority: d.priority } : {}),
          })),
        ],
        ...(g.visitorService
          ? { visitorIdService: { trackingServer: `m.${g.zone}`, trackingServerSecure: `sm.${g.zone}` } }
          : {}),
      },
      backend: g.s3Backend
        ? { type: 's3', bucket: `${g.bucket.slice(0, 50)}-state`, key: 'aam/terraform.tfstate', region: g.region }
        : { type: 'local' },
    } as Record<string, any>;
  });

/** A change that breaks exactly one schema rule, with the field it must be reported at. */
export interface Mutation {
  readonly path: string;
  readonly apply: (file: Record<string, any>) => void;
}

export const MUTATIONS: readonly Mutation[] = [
  {
    path: 'organization.imsOrgId',
    apply: (f) => (f.organization.imsOrgId = f.organization.imsOrgId.replace('@AdobeOrg', '')),
  },
  { path: 'receiver.bucketName', apply: (f) => (f.receiver.bucketName = `${f.receiver.bucketName}.dotted`) },
  { path: 'receiver.bucketName', apply: (f) => (f.receiver.bucketName = f.receiver.bucketName.toUpperCase() + 'X') },
  { path: 'receiver.prefix', apply: (f) => (f.receiver.prefix = `/${f.receiver.prefix}`) },
  { path: 'receiver.segmentRetentionDays', apply: (f) => (f.receiver.segmentRetentionDays = 0) },
  { path: 'aws.region', apply: (f) => (f.aws.region = `${f.aws.region}x`) },
  { path: 'aws.accountId', apply: (f) => (f.aws.accountId = '1234') },
  { path: 'dns.ttl', apply: (f) => (f.dns.ttl = 1) },
  { path: 'dns.hostedZoneId', apply: (f) => (f.dns.hostedZoneId = 'zone-id') },
  {
    path: 'campaign.dataSources[0].aamDestinationId',
    apply: (f) => (f.campaign.dataSources[0].aamDestinationId = 'abc'),
  },
  { path: 'campaign.dataSources[0].priority', apply: (f) => (f.campaign.dataSources[0].priority = 5) },
  { path: 'accessKey.activeSlot', apply: (f) => (f.accessKey.activeSlot = 'purple') },
  { path: 'request.requester.email', apply: (f) => (f.request.requester.email = 'not-an-email') },
  { path: 'environment.tier', apply: (f) => (f.environment.tier = 'prod') },
  { path: 'receiver.extraSetting', apply: (f) => (f.receiver.extraSetting = true) },
];

const accessKeyId = fc.stringMatching(/^[A-Z0-9]{16}$/).map((s) => `AKIA${s}`);
const folderPath = fc.array(label, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));

/**
 * Valid files whose receiver Adobe provisioned: the same files with Adobe's values in `receiver`
 * (one bucket or two, one key or two, an optional KMS key for the secrets) and no `accessKey`.
 */
export const validAdobeProvisionedFile = fc
  .tuple(
    validEnvironmentFile,
    fc.record({
      buckets: fc.uniqueArray(bucketName, { minLength: 2, maxLength: 2 }),
      oneBucket: fc.boolean(),
      folders: fc.uniqueArray(folderPath, { minLength: 2, maxLength: 2, selector: (p) => p.split('/')[0] }),
      keys: fc.uniqueArray(accessKeyId, { minLength: 2, maxLength: 2 }),
      oneKey: fc.boolean(),
      regions: fc.tuple(fc.constantFrom(...AWS_REGIONS), fc.constantFrom(...AWS_REGIONS)),
      kms: fc.boolean(),
    }),
  )
  .map(([file, adobe]) => {
    const exportBucket = adobe.oneBucket ? adobe.buckets[0] : adobe.buckets[1];
    const account = (bucket: string, folder: string, region: string, key: string) => ({
      receiverServer: `${bucket}.s3.amazonaws.com/${folder}`,
      region,
      accessKeyId: key,
    });
    const { accessKey: _stackKey, ...rest } = file;
    return {
      ...rest,
      receiver: {
        mode: 'adobe-provisioned',
        import: account(adobe.buckets[0], adobe.folders[0], adobe.regions[0], adobe.keys[0]),
        export: account(
          exportBucket,
          adobe.folders[1],
          adobe.oneBucket ? adobe.regions[0] : adobe.regions[1],
          adobe.oneKey ? adobe.keys[0] : adobe.keys[1],
        ),
        ...(adobe.kms
          ? {
              secretKmsKeyArn: `arn:aws:kms:${file.aws.region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
            }
          : {}),
      },
      // The state bucket may not be one of Adobe's.
      backend: file.backend.type === 's3' ? { ...file.backend, bucket: 'fuzz-terraform-state' } : file.backend,
    } as Record<string, any>;
  });

/** Rule-breaking changes to Adobe's receiver, with the field each must be reported at. */
export const ADOBE_MUTATIONS: readonly Mutation[] = [
  {
    path: 'receiver.import.receiverServer',
    apply: (f) => (f.receiver.import.receiverServer = `https://${f.receiver.import.receiverServer}`),
  },
  {
    path: 'receiver.import.receiverServer',
    apply: (f) => (f.receiver.import.receiverServer = f.receiver.import.receiverServer.split('/')[0]),
  },
  {
    path: 'receiver.export.receiverServer',
    apply: (f) =>
      (f.receiver.export.receiverServer = f.receiver.export.receiverServer.replace(
        '.s3.amazonaws.com',
        `.s3.${f.receiver.export.region}.amazonaws.com`,
      )),
  },
  { path: 'receiver.export.receiverServer', apply: (f) => (f.receiver.export = { ...f.receiver.import }) },
  { path: 'receiver.import.accessKeyId', apply: (f) => (f.receiver.import.accessKeyId = 'AKIA123') },
  {
    path: 'receiver.export.accessKeyId',
    apply: (f) => (f.receiver.export.accessKeyId = f.receiver.export.accessKeyId.toLowerCase()),
  },
  { path: 'receiver.import.region', apply: (f) => (f.receiver.import.region = 'mars-1') },
  { path: 'receiver.export.region', apply: (f) => delete f.receiver.export.region },
  { path: 'receiver.bucketName', apply: (f) => (f.receiver.bucketName = 'owned-bucket') },
  { path: 'accessKey', apply: (f) => (f.accessKey = { slots: ['blue', 'green'] }) },
  { path: 'adopt.iamUser', apply: (f) => (f.adopt = { iamUser: true }) },
  {
    path: 'campaign.externalAccounts.import.folder',
    apply: (f) => (f.campaign.externalAccounts = { import: { folder: 'in' } }),
  },
];
