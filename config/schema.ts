import { z } from 'zod';
import { adoptSection } from './adopt';
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
import { perEnvironment, shared } from './field';
import { rule } from './rule';

/**
 * The shape of one environment file, with its defaults. Objects are strict, so a misspelt key is
 * an error (with a suggestion) rather than a silently ignored setting. Cross-field rules live in
 * `rules.ts`.
 */

const environment = z.strictObject({
  label: singleLine(60).meta(
    perEnvironment('The environment as Adobe should read it in the request, e.g. `"Production"`. One line.'),
  ),
  tier: z
    .enum(['development', 'staging', 'production'])
    .meta(
      perEnvironment(
        '`development`, `staging` or `production`. `production` forbids `receiver.versioning: false`, `receiver.forceDestroy: true` and `aws.endpoint`, and is where promotion guard rails apply.',
      ),
    ),
});

const organization = z.strictObject({
  name: singleLine(120).meta(shared('Organization Name in the request. One line, at most 120 characters.')),
  imsOrgId: imsOrgId.meta(shared('IMS Org ID: 24 letters or digits followed by `@AdobeOrg`.')),
});

const request = z.strictObject({
  service: z
    .enum(['audience-manager', 'people-core-service'])
    .meta(shared('`audience-manager` or `people-core-service`.')),
  identity: z
    .enum(['declared-id', 'visitor-id'])
    .meta(
      shared('`declared-id` or `visitor-id`. With `declared-id`, a data source of `type: "declared-id"` is required.'),
    ),
  ownsAudienceManagerLicense: z.boolean().meta(shared('`true`/`false`; stated in the request, as Adobe asks.')),
  requester: z.strictObject({
    name: singleLine(120).meta(shared('Sender of the request email: name.')),
    email: email.meta(shared('Sender of the request email: address.')),
  }),
  recipient: email
    .default(DEFAULTS.request.recipient)
    .meta(shared('Where the request goes (some contracts use a support ticket address instead).')),
  additionalInformation: z
    .string()
    .max(2000)
    .default(DEFAULTS.request.additionalInformation)
    .meta(perEnvironment('Free text for Adobe, up to 2,000 characters; may span lines.')),
});

const aws = z.strictObject({
  region: z
    .enum(AWS_REGIONS)
    .meta(
      perEnvironment(
        "A region code of the commercial AWS partition (Campaign's `s3.amazonaws.com` receiver format exists only there).",
      ),
    ),
  accountId: accountId
    .optional()
    .meta(
      perEnvironment(
        "12-digit account ID; becomes the provider's `allowed_account_ids`, so a plan against another account fails.",
      ),
    ),
  tags: tags
    .default(DEFAULTS.aws.tags)
    .meta(
      perEnvironment(
        'Tags for every resource (AWS tag rules; no `aws:` prefix). `Environment`, `ManagedBy` and `Integration` are always added.',
      ),
    ),
  endpoint: loopbackEndpoint
    .optional()
    .meta(
      perEnvironment(
        'Local emulator endpoint, `http://127.0.0.1:<port>` or `http://localhost:<port>`; see [Local emulator](#try-it-against-a-local-emulator). Not allowed in production.',
      ),
    ),
});

const accessLogs = z.strictObject({
  bucketName: bucketName.meta(perEnvironment('Server access logs target bucket; must be another bucket.')),
  prefix: objectPrefix.meta(perEnvironment('Prefix of the access log objects in that bucket.')),
});

const receiver = z.strictObject({
  bucketName: bucketName.meta(
    perEnvironment(
      'S3 bucket name: 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no reserved prefix/suffix, **no dots** (a dotted name breaks TLS for `<bucket>.s3.amazonaws.com`). Unique across environments.',
    ),
  ),
  prefix: objectPrefix
    .default(DEFAULTS.receiver.prefix)
    .meta(
      shared('Folder(s) the integration uses, ending in `/`, no leading `/`. The key may touch nothing outside it.'),
    ),
  segmentRetentionDays: days('before segment files expire')
    .default(DEFAULTS.receiver.segmentRetentionDays)
    .meta(shared('Days before segment files under the prefix expire (1–3650).')),
  noncurrentVersionRetentionDays: days('before overwritten versions expire')
    .default(DEFAULTS.receiver.noncurrentVersionRetentionDays)
    .meta(shared('Days before overwritten versions expire (1–3650).')),
  abortIncompleteMultipartUploadDays: days('before unfinished uploads are aborted')
    .default(DEFAULTS.receiver.abortIncompleteMultipartUploadDays)
    .meta(shared('Days before unfinished uploads are aborted (1–3650).')),
  versioning: z
    .boolean()
    .default(DEFAULTS.receiver.versioning)
    .meta(shared('Keep object versions. Cannot be `false` in production.')),
  forceDestroy: z
    .boolean()
    .default(DEFAULTS.receiver.forceDestroy)
    .meta(shared('Let destroy delete a non-empty bucket. Cannot be `true` in production.')),
  kmsKeyArn: kmsKeyArn
    .optional()
    .meta(
      perEnvironment(
        'Customer-managed KMS key (in `aws.region`) for SSE-KMS with an S3 bucket key; the access key is then allowed to use it. Without it: SSE-S3.',
      ),
    ),
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
    .default([...DEFAULTS.accessKey.slots])
    .meta(perEnvironment('Key slot names (1–2, lowercase). One IAM access key per slot.')),
  activeSlot: slotName
    .default(DEFAULTS.accessKey.activeSlot)
    .meta(perEnvironment('The slot the Campaign external accounts use; must be one of `slots`.')),
  pgpPublicKey: pgpPublicKey
    .optional()
    .meta(
      shared(
        '`keybase:<user>` or a base64 binary PGP public key (`gpg --export <id> | base64 -w0`). Keeps the plaintext secret out of state.',
      ),
    ),
});

const cnameTracking = z.strictObject({
  method: z.literal('cname'),
  records: z
    .array(
      z.strictObject({
        hostname: hostname.meta(perEnvironment('A tracking host name below `dns.zoneName`; unique.')),
        target: hostname.meta(perEnvironment('The CNAME target Adobe gave you for that host.')),
      }),
    )
    .min(1),
});

const delegatedTracking = z.strictObject({
  method: z.literal('delegation'),
  subdomain: hostname.meta(perEnvironment('The subdomain delegated to Adobe.')),
  nameServers: z.array(hostname).min(2).max(8).meta(perEnvironment('2–8 name servers Adobe gave you.')),
});

const dns = z.strictObject({
  hostedZoneId: hostedZoneId.meta(
    perEnvironment(
      'Route53 hosted zone ID: uppercase letters and digits, e.g. `Z0123456789ABCDEFGHIJ`, without `/hostedzone/`.',
    ),
  ),
  zoneName: hostname.meta(perEnvironment("The zone's domain; tracking host names must be below it, never the apex.")),
  ttl: z
    .number()
    .int()
    .min(60)
    .max(172800)
    .default(DEFAULTS.dns.ttl)
    .meta(shared('Record TTL in seconds (60–172800).')),
  trackingServer: z
    .discriminatedUnion('method', [cnameTracking, delegatedTracking])
    .meta(
      perEnvironment(
        "`cname` (records Adobe lists) or `delegation` (NS records to Adobe's name servers; Adobe's recommendation).",
      ),
    ),
});

const externalAccount = (defaults: { name: string; folder: string }, flow: string) =>
  z
    .strictObject({
      name: singleLine(64)
        .default(defaults.name)
        .meta(shared(`Name of the ${flow} external account in Campaign; must differ from the other account's.`)),
      folder: folderName
        .default(defaults.folder)
        .meta(shared(`Folder of the ${flow} account under \`receiver.prefix\`; must differ from the other account's.`)),
    })
    .default({ ...defaults });

/** Fields both kinds of data source have. */
const dataSourceFields = {
  aamDestinationId: aamDestinationId
    .optional()
    .meta(
      perEnvironment(
        'AAM Destination ID: digits, as Adobe sends them (Adobe assigns one per environment). Leave it out until Adobe replies; the sheet then marks it pending.',
      ),
    ),
  servesTriggers: z
    .boolean()
    .default(false)
    .meta(shared('The data source serves the Campaign–Triggers integration (then no destination ID is needed).')),
  priority: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta(shared('Reconciliation priority (higher wins); only allowed with `servesTriggers: true`.')),
};

const visitorIdDataSource = z.strictObject({
  type: z.literal('visitor-id'),
  alias: singleLine(120)
    .default(DEFAULTS.campaign.visitorIdDataSource.alias)
    .meta(shared('Data Source/Alias of the built-in _Recipient - Visitor ID (Defaultdatasources)_.')),
  ...dataSourceFields,
});

const declaredIdDataSource = z.strictObject({
  type: z.literal('declared-id'),
  label: singleLine(120).meta(
    shared(
      'Label of the data source to create in Campaign; unique (ignoring case and punctuation). Promotion matches data sources by label.',
    ),
  ),
  alias: singleLine(120).meta(shared("Its Data Source/Alias: Audience Manager's DeclaredId data source.")),
  reconciliationKey: singleLine(64).meta(
    shared('The Campaign field matched against the ID your site sends with `setCustomerIDs`.'),
  ),
  ...dataSourceFields,
});

const visitorIdService = z.strictObject({
  trackingServer: hostname.meta(perEnvironment('`trackingServer` of `Visitor.getInstance`.')),
  trackingServerSecure: hostname.meta(perEnvironment('`trackingServerSecure` of `Visitor.getInstance`.')),
  marketingCloudServer: hostname
    .optional()
    .meta(perEnvironment('Only with a CNAME for the Experience Cloud ID service; both or neither.')),
  marketingCloudServerSecure: hostname
    .optional()
    .meta(perEnvironment('Only with a CNAME for the Experience Cloud ID service; both or neither.')),
});

const campaign = z.strictObject({
  externalAccounts: z
    .strictObject({
      import: externalAccount(DEFAULTS.campaign.importAccount, 'Audience Manager → Campaign'),
      export: externalAccount(DEFAULTS.campaign.exportAccount, 'Campaign → Audience Manager'),
    })
    .default({ import: { ...DEFAULTS.campaign.importAccount }, export: { ...DEFAULTS.campaign.exportAccount } }),
  dataSources: z
    .array(
      z
        .discriminatedUnion('type', [visitorIdDataSource, declaredIdDataSource])
        .meta(
          shared(
            'Exactly one `visitor-id` entry (the built-in data source), plus any `declared-id` entries. Labels and aliases unique (ignoring case and punctuation).',
          ),
        ),
    )
    .min(1),
  visitorIdService: visitorIdService.optional(),
});

const localBackend = z.strictObject({
  type: z.literal('local'),
  path: z
    .string()
    .min(1)
    .optional()
    .meta(
      perEnvironment(
        'State file, relative to the project folder; default `terraform.<environment>.tfstate` (outside `cdktf.out`, which synth rebuilds).',
      ),
    ),
});

const s3Backend = z.strictObject({
  type: z.literal('s3'),
  bucket: bucketName.meta(perEnvironment('State bucket.')),
  key: z
    .string()
    .min(1)
    .max(1024)
    .meta(perEnvironment('State object key; the same bucket and key may not serve two environments.')),
  region: z.enum(AWS_REGIONS).meta(perEnvironment("The state bucket's region.")),
  encrypt: z
    .boolean()
    .default(DEFAULTS.backend.s3.encrypt)
    .meta(perEnvironment('Server-side encryption of the state object.')),
  kmsKeyArn: kmsKeyArn.optional().meta(perEnvironment('KMS key for the state object.')),
  useLockfile: z
    .boolean()
    .default(DEFAULTS.backend.s3.useLockfile)
    .meta(perEnvironment('S3-native state locking (Terraform 1.10+).')),
});

export const environmentShape = z.strictObject({
  $schema: z
    .string()
    .optional()
    .meta(perEnvironment('Path to `environment.schema.json` for editors; ignored by the app.')),
  environment,
  organization,
  request,
  aws,
  receiver,
  accessKey: accessKey.default({ slots: [...DEFAULTS.accessKey.slots], activeSlot: DEFAULTS.accessKey.activeSlot }),
  dns,
  campaign,
  backend: z
    .discriminatedUnion('type', [localBackend, s3Backend])
    .default({ type: 'local' })
    .meta(perEnvironment('Where Terraform keeps state: `local` or `s3`.')),
  adopt: adoptSection,
});

export type EnvironmentShape = z.output<typeof environmentShape>;
