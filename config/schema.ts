import { z } from 'zod';
import { adoptSection } from './adopt';
import { AWS_REGIONS } from './aws-regions';
import { DEFAULTS, defaultLocalStatePath } from './defaults';
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
  localStatePath,
  pgpPublicKey,
  stateKey,
  stateKmsKeyArn,
  tags,
} from './primitives';
import { multiLineText, singleLine, TEXT_NORMALIZATION } from './text';
import { perEnvironment, presenceShared, shared } from './field';
import { rule } from './rule';

/**
 * The shape of one environment file, with its defaults. Objects are strict, so a misspelt key is
 * an error (with a suggestion) rather than a silently ignored setting. Cross-field rules live in
 * `rules.ts`.
 */

const HOSTNAME_NORMALIZATION =
  'Normalized: surrounding whitespace and one trailing dot removed, lowercase (DNS ignores case).';
const VISITOR_HOST_RULES = `A host name (not an IP address), never a Campaign tracking host name nor at or below a delegated Campaign subdomain (of any environment): those names answer for Campaign. ${HOSTNAME_NORMALIZATION}`;

const environment = z.strictObject({
  label: singleLine(60).meta(
    perEnvironment(
      `The environment as Adobe should read it in the request, e.g. \`"Production"\`. One line, at most 60 characters; ${TEXT_NORMALIZATION}`,
    ),
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
  name: singleLine(120).meta(
    shared(`Organization Name in the request. One line, at most 120 characters; ${TEXT_NORMALIZATION}`),
  ),
  imsOrgId: imsOrgId.meta(
    shared('IMS Org ID: 24 letters or digits followed by `@AdobeOrg` (case as Adobe writes it).'),
  ),
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
    name: singleLine(120).meta(shared(`Sender of the request email: name. One line; ${TEXT_NORMALIZATION}`)),
    email: email.meta(
      shared('Sender of the request email: address, e.g. `ops@example.com`; no invisible characters, no `${`.'),
    ),
  }),
  recipient: email
    .default(DEFAULTS.request.recipient)
    .meta(
      shared(
        'Where the request goes (some contracts use a support ticket address instead); an email address, no invisible characters, no `${`.',
      ),
    ),
  additionalInformation: multiLineText(2000)
    .default(DEFAULTS.request.additionalInformation)
    .meta(
      perEnvironment(
        `Free text for Adobe, up to 2,000 characters; may span lines (CRLF, CR and Unicode line separators become LF). ${TEXT_NORMALIZATION}`,
      ),
    ),
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
      presenceShared(
        "12-digit account ID; becomes the provider's `allowed_account_ids`, so a plan against another account fails.",
      ),
    ),
  tags: tags
    .default(DEFAULTS.aws.tags)
    .meta(
      perEnvironment(
        "Tags for every resource: keys 1–128 and values up to 256 characters of letters, digits, spaces and `_ . : / = + - @`; no `aws:` prefix; keys distinct ignoring case (IAM compares them so); at most 47, because `Environment`, `ManagedBy` and `Integration` are always added (and may not be set here) within AWS's 50 per resource.",
      ),
    ),
  endpoint: loopbackEndpoint
    .optional()
    .meta(
      perEnvironment(
        'Local emulator endpoint, `http://127.0.0.1:<port>` or `http://localhost:<port>` (port 1–65535, no path); see [Local emulator](local-emulator.md). Not allowed in production.',
      ),
    ),
});

const accessLogs = z.strictObject({
  bucketName: bucketName.meta(
    perEnvironment(
      "Server access logs target bucket (S3 bucket name rules). Not created here: it must exist in the receiver's region and account, with SSE-S3 (not SSE-KMS) default encryption, as S3 requires; environments sharing it must therefore share region and account. No environment's receiver bucket: not this one (a bucket logging into itself loops), not another's (its key could read the logs, its lifecycle would expire them).",
    ),
  ),
  prefix: objectPrefix.meta(
    perEnvironment(
      'Prefix of the access log objects in that bucket (same form as `receiver.prefix`). Two environments logging to the same bucket need prefixes that do not contain one another, or their logs mix.',
    ),
  ),
});

const receiver = z.strictObject({
  bucketName: bucketName.meta(
    perEnvironment(
      "S3 bucket name: 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no reserved prefix/suffix, **no dots** (a dotted name breaks TLS for `<bucket>.s3.amazonaws.com`). Unique across environments, and never another environment's access-log bucket or any environment's state bucket.",
    ),
  ),
  prefix: objectPrefix
    .default(DEFAULTS.receiver.prefix)
    .meta(
      shared(
        "Folder(s) the integration uses, ending in `/`, no leading `/`, no `.` or `..` folders, letters, digits and `! _ . ' ( ) -`, at most 512 characters. The key may touch nothing outside it.",
      ),
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
      presenceShared(
        "Customer-managed KMS key for SSE-KMS with an S3 bucket key; the access key is then allowed to use it. Without it: SSE-S3. A key ARN (`arn:aws:kms:<region>:<account>:key/<id>`) in `aws.region` (S3 requires the key in the bucket's region); an alias ARN is rejected, because IAM grants on an alias authorize nothing.",
      ),
    ),
  accessLogs: accessLogs
    .optional()
    .meta(presenceShared('Server access logging of the receiver bucket: where the log objects go.')),
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
    .meta(
      perEnvironment(
        'Key slot names (1–2, distinct; each 1–16 lowercase letters, digits or hyphens, starting with a letter). One IAM access key per slot (IAM allows two per user).',
      ),
    ),
  activeSlot: slotName
    .default(DEFAULTS.accessKey.activeSlot)
    .meta(perEnvironment('The slot the Campaign external accounts use; must be one of `slots`.')),
  pgpPublicKey: pgpPublicKey
    .optional()
    .meta(
      shared(
        'Keeps the plaintext secret out of state. `keybase:<user>` (Terraform fetches that key from keybase.io at deploy; it cannot be checked offline) or a base64 binary PGP public key on one line (`gpg --export <id> | base64 -w0`), which is read at synth: exactly one key, public (a private key is rejected), not revoked or expired, with a usable encryption (sub)key. The setup sheet shows its fingerprint.',
      ),
    ),
});

const cnameTracking = z.strictObject({
  method: z.literal('cname'),
  records: z
    .array(
      z.strictObject({
        hostname: hostname.meta(
          perEnvironment(
            `A tracking host name below \`dns.zoneName\`, never the apex; unique. ${HOSTNAME_NORMALIZATION} Across environments, no other record may use the same name in the same zone, and none may sit at or below another environment's delegated subdomain or inside a more specific zone another environment declares.`,
          ),
        ),
        target: hostname.meta(
          perEnvironment(
            `The CNAME target Adobe gave you for that host (a host name, not an IP address; not the host itself). ${HOSTNAME_NORMALIZATION}`,
          ),
        ),
      }),
    )
    .min(1),
});

const delegatedTracking = z.strictObject({
  method: z.literal('delegation'),
  subdomain: hostname.meta(
    perEnvironment(
      `The subdomain delegated to Adobe, below \`dns.zoneName\`, never the apex. ${HOSTNAME_NORMALIZATION} No other environment may have records at or below it.`,
    ),
  ),
  nameServers: z
    .array(hostname)
    .min(2)
    .max(8)
    .meta(
      perEnvironment(
        `2–8 distinct name servers Adobe gave you: host names (not IP addresses), outside the delegated subdomain (a name server inside it would need glue records this stack does not create). ${HOSTNAME_NORMALIZATION}`,
      ),
    ),
});

const dns = z.strictObject({
  hostedZoneId: hostedZoneId.meta(
    perEnvironment(
      'Route53 hosted zone ID: uppercase letters and digits, e.g. `Z0123456789ABCDEFGHIJ`, without `/hostedzone/`. Environments sharing a zone ID must give the same `dns.zoneName` and, when they state one, the same `aws.accountId` (a zone belongs to one account).',
    ),
  ),
  zoneName: hostname.meta(
    perEnvironment(
      `The zone's domain; tracking host names must be below it, never the apex. ${HOSTNAME_NORMALIZATION}`,
    ),
  ),
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
        .meta(
          shared(
            `Name of the ${flow} external account in Campaign; must differ from the other account's. One line, at most 64 characters; ${TEXT_NORMALIZATION}`,
          ),
        ),
      folder: folderName
        .default(defaults.folder)
        .meta(
          shared(
            `Folder of the ${flow} account under \`receiver.prefix\`: one name of 1–128 letters, digits and \`! _ . ' ( ) -\`, not starting with a dot; must differ from the other account's.`,
          ),
        ),
    })
    .default({ ...defaults });

/** Fields both kinds of data source have. */
const dataSourceFields = {
  aamDestinationId: aamDestinationId
    .optional()
    .meta(
      perEnvironment(
        'AAM Destination ID: 1–12 digits as a string, as Adobe sends them. Adobe assigns one per data source and environment, so it is unique within the file and across environments. Leave it out until Adobe replies; the sheet then marks it pending.',
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
    .meta(
      shared('Reconciliation priority, a whole number from 0 (higher wins); only allowed with `servesTriggers: true`.'),
    ),
};

const visitorIdDataSource = z.strictObject({
  type: z.literal('visitor-id'),
  alias: singleLine(120)
    .default(DEFAULTS.campaign.visitorIdDataSource.alias)
    .meta(
      shared(
        `Data Source/Alias of the built-in _Recipient - Visitor ID (Defaultdatasources)_. One line; ${TEXT_NORMALIZATION}`,
      ),
    ),
  ...dataSourceFields,
});

const declaredIdDataSource = z.strictObject({
  type: z.literal('declared-id'),
  label: singleLine(120).meta(
    shared(
      `Label of the data source to create in Campaign; unique (ignoring case and punctuation), not the built-in data source's, and with at least one letter or digit (its Terraform address derives from them). Promotion matches data sources by label. One line; ${TEXT_NORMALIZATION}`,
    ),
  ),
  alias: singleLine(120).meta(
    shared(`Its Data Source/Alias: Audience Manager's DeclaredId data source. One line; ${TEXT_NORMALIZATION}`),
  ),
  reconciliationKey: singleLine(64).meta(
    shared(
      `The Campaign field matched against the ID your site sends with \`setCustomerIDs\`. One line; ${TEXT_NORMALIZATION}`,
    ),
  ),
  integrationCode: z
    .string()
    .superRefine(
      rule(
        'integration-code',
        (v: string) => /^[A-Za-z0-9_]{1,64}$/.test(v),
        'an integration code is 1-64 letters, digits or underscores, exactly as set on the data source in Audience Manager',
      ),
    )
    .default(DEFAULTS.campaign.declaredIdDataSource.integrationCode)
    .meta(
      shared(
        "Integration code of Audience Manager's DeclaredId data source: the key your site sends the customer ID under with `setCustomerIDs` (shown in the setup sheet's Visitor ID snippet).",
      ),
    ),
  ...dataSourceFields,
});

const visitorIdService = z.strictObject({
  trackingServer: hostname.meta(perEnvironment(`\`trackingServer\` of \`Visitor.getInstance\`. ${VISITOR_HOST_RULES}`)),
  trackingServerSecure: hostname.meta(
    perEnvironment(`\`trackingServerSecure\` of \`Visitor.getInstance\`. ${VISITOR_HOST_RULES}`),
  ),
  marketingCloudServer: hostname
    .optional()
    .meta(
      perEnvironment(`Only with a CNAME for the Experience Cloud ID service; both or neither. ${VISITOR_HOST_RULES}`),
    ),
  marketingCloudServerSecure: hostname
    .optional()
    .meta(
      perEnvironment(`Only with a CNAME for the Experience Cloud ID service; both or neither. ${VISITOR_HOST_RULES}`),
    ),
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
            'Exactly one `visitor-id` entry (the built-in data source), plus any `declared-id` entries. Labels unique ignoring case, punctuation and Unicode form; aliases unique ignoring case; AAM Destination IDs unique.',
          ),
        ),
    )
    .min(1),
  visitorIdService: visitorIdService.optional(),
});

const localBackend = z.strictObject({
  type: z.literal('local'),
  path: localStatePath
    .optional()
    .meta(
      perEnvironment(
        `State file, relative to the project folder (or absolute, used as is: for machine-local state such as an emulator environment's), with \`/\` separators; default \`${defaultLocalStatePath('<environment>')}\`. A relative path must stay inside the project; any path must stay outside the synth output folder (\`cdktf.out\` or \`CDKTF_OUTDIR\`, which synth owns) and outside the environments folder, and no two environments may share a state file (compared after resolving \`.\`/\`..\` and ignoring case, as macOS and Windows do).`,
      ),
    ),
});

const s3Backend = z.strictObject({
  type: z.literal('s3'),
  bucket: bucketName.meta(
    perEnvironment(
      "State bucket (S3 bucket name rules, no dots). Never any environment's receiver bucket, where Campaign's key could read or delete the state and the lifecycle rules would expire it.",
    ),
  ),
  key: stateKey.meta(
    perEnvironment(
      "State object key, as Terraform's S3 backend requires it: not starting or ending with `/`, no `//`, S3's safe characters. The same bucket and key may not serve two environments.",
    ),
  ),
  region: z
    .enum(AWS_REGIONS)
    .meta(
      perEnvironment(
        "The state bucket's region (a commercial AWS region); environments sharing a state bucket must give the same region.",
      ),
    ),
  encrypt: z
    .boolean()
    .default(DEFAULTS.backend.s3.encrypt)
    .meta(
      perEnvironment(
        'Server-side encryption of the state object; `false` leaves the secret-bearing state unencrypted at rest and ignores `kmsKeyArn`, so the two cannot be combined.',
      ),
    ),
  kmsKeyArn: stateKmsKeyArn
    .optional()
    .meta(
      perEnvironment(
        "KMS key for the state object: a key ARN (its key ID a UUID, as Terraform's S3 backend checks) or alias ARN, in `backend.region` (S3 requires the key in the bucket's region). Needs `encrypt: true`, without which Terraform would ignore it.",
      ),
    ),
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
