import { z } from 'zod';
import { AWS_REGIONS } from './aws-regions';
import { DEFAULTS } from './defaults';
import {
  aamDestinationId,
  accountId,
  bucketName,
  days,
  email,
  folderName,
  hostedZoneId,
  hostname,
  imsOrgId,
  kmsKeyArn,
  loopbackEndpoint,
  objectPrefix,
  pgpPublicKey,
  singleLine,
  tags,
} from './primitives';
import { rule } from './rule';

/**
 * The shape of one environment file, with its defaults. Objects are strict, so a misspelt key is
 * an error (with a suggestion) rather than a silently ignored setting. Cross-field rules live in
 * `rules.ts`.
 */

const environment = z.strictObject({
  /** Written into the request to Adobe, e.g. "Production". */
  label: singleLine(60),
  /** Production turns on the stricter rules (no force-destroy, versioning on, no emulator). */
  tier: z.enum(['development', 'staging', 'production']),
});

const organization = z.strictObject({
  name: singleLine(120),
  imsOrgId,
});

const request = z.strictObject({
  service: z.enum(['audience-manager', 'people-core-service']),
  identity: z.enum(['declared-id', 'visitor-id']),
  ownsAudienceManagerLicense: z.boolean(),
  requester: z.strictObject({ name: singleLine(120), email }),
  recipient: email.default(DEFAULTS.request.recipient),
  additionalInformation: z.string().max(2000).default(DEFAULTS.request.additionalInformation),
});

const aws = z.strictObject({
  region: z.enum(AWS_REGIONS),
  accountId: accountId.optional(),
  tags: tags.default(DEFAULTS.aws.tags),
  endpoint: loopbackEndpoint.optional(),
});

const accessLogs = z.strictObject({
  bucketName,
  prefix: objectPrefix,
});

const receiver = z.strictObject({
  bucketName,
  prefix: objectPrefix.default(DEFAULTS.receiver.prefix),
  segmentRetentionDays: days('before segment files expire').default(DEFAULTS.receiver.segmentRetentionDays),
  noncurrentVersionRetentionDays: days('before overwritten versions expire').default(
    DEFAULTS.receiver.noncurrentVersionRetentionDays,
  ),
  abortIncompleteMultipartUploadDays: days('before unfinished uploads are aborted').default(
    DEFAULTS.receiver.abortIncompleteMultipartUploadDays,
  ),
  versioning: z.boolean().default(DEFAULTS.receiver.versioning),
  forceDestroy: z.boolean().default(DEFAULTS.receiver.forceDestroy),
  kmsKeyArn: kmsKeyArn.optional(),
  accessLogs: accessLogs.optional(),
});

const slotName = z
  .string()
  .superRefine(
    rule(
      'key-slot-name',
      (v: string) => /^[a-z][a-z0-9-]{0,15}$/.test(v),
      'a key slot name is 1-16 lowercase letters, digits or hyphens, starting with a letter',
    ),
  );

const accessKey = z.strictObject({
  /** IAM allows two access keys per user: exactly what a zero-downtime rotation needs. */
  slots: z
    .array(slotName)
    .min(1)
    .max(2)
    .default([...DEFAULTS.accessKey.slots]),
  activeSlot: slotName.default(DEFAULTS.accessKey.activeSlot),
  pgpPublicKey: pgpPublicKey.optional(),
});

const cnameTracking = z.strictObject({
  method: z.literal('cname'),
  records: z.array(z.strictObject({ hostname, target: hostname })).min(1),
});

const delegatedTracking = z.strictObject({
  method: z.literal('delegation'),
  subdomain: hostname,
  nameServers: z.array(hostname).min(2).max(8),
});

const dns = z.strictObject({
  hostedZoneId,
  zoneName: hostname,
  ttl: z.number().int().min(60).max(172800).default(DEFAULTS.dns.ttl),
  trackingServer: z.discriminatedUnion('method', [cnameTracking, delegatedTracking]),
});

const externalAccount = (defaults: { name: string; folder: string }) =>
  z
    .strictObject({
      name: singleLine(64).default(defaults.name),
      folder: folderName.default(defaults.folder),
    })
    .default({ ...defaults });

const visitorIdDataSource = z.strictObject({
  type: z.literal('visitor-id'),
  alias: singleLine(120).default(DEFAULTS.campaign.visitorIdDataSource.alias),
  aamDestinationId: aamDestinationId.optional(),
  servesTriggers: z.boolean().default(false),
  priority: z.number().int().min(0).optional(),
});

const declaredIdDataSource = z.strictObject({
  type: z.literal('declared-id'),
  label: singleLine(120),
  alias: singleLine(120),
  aamDestinationId: aamDestinationId.optional(),
  /** The Campaign field matched against the ID your site sends with `setCustomerID`. */
  reconciliationKey: singleLine(64),
  servesTriggers: z.boolean().default(false),
  priority: z.number().int().min(0).optional(),
});

const visitorIdService = z.strictObject({
  trackingServer: hostname,
  trackingServerSecure: hostname,
  marketingCloudServer: hostname.optional(),
  marketingCloudServerSecure: hostname.optional(),
});

const campaign = z.strictObject({
  externalAccounts: z
    .strictObject({
      import: externalAccount(DEFAULTS.campaign.importAccount),
      export: externalAccount(DEFAULTS.campaign.exportAccount),
    })
    .default({ import: { ...DEFAULTS.campaign.importAccount }, export: { ...DEFAULTS.campaign.exportAccount } }),
  dataSources: z.array(z.discriminatedUnion('type', [visitorIdDataSource, declaredIdDataSource])).min(1),
  visitorIdService: visitorIdService.optional(),
});

const localBackend = z.strictObject({
  type: z.literal('local'),
  /** @default terraform.<environment>.tfstate in the project folder */
  path: z.string().min(1).optional(),
});

const s3Backend = z.strictObject({
  type: z.literal('s3'),
  bucket: bucketName,
  key: z.string().min(1).max(1024),
  region: z.enum(AWS_REGIONS),
  encrypt: z.boolean().default(DEFAULTS.backend.s3.encrypt),
  kmsKeyArn: kmsKeyArn.optional(),
  useLockfile: z.boolean().default(DEFAULTS.backend.s3.useLockfile),
});

export const environmentShape = z.strictObject({
  /** Lets editors validate and complete the file; ignored by the app. */
  $schema: z.string().optional(),
  environment,
  organization,
  request,
  aws,
  receiver,
  accessKey: accessKey.default({ slots: [...DEFAULTS.accessKey.slots], activeSlot: DEFAULTS.accessKey.activeSlot }),
  dns,
  campaign,
  backend: z.discriminatedUnion('type', [localBackend, s3Backend]).default({ type: 'local' }),
});

export type EnvironmentShape = z.output<typeof environmentShape>;
