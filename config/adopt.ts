import { z } from 'zod';
import { DEFAULTS } from './defaults';
import { perEnvironment } from './field';
import { hostname } from './primitives';
import { rule } from './rule';
import { emulatorEndpoint } from '../runtime/emulator-environment';

/**
 * The receiver bucket's settings, each its own Terraform resource beside the bucket, in the order
 * the stack declares them. A bucket made by hand has only some of them, and Terraform can import
 * only a setting that exists, so adoption names the ones to import.
 */
export const BUCKET_SETTINGS = [
  'publicAccessBlock',
  'ownershipControls',
  'encryption',
  'versioning',
  'lifecycle',
  'policy',
  'notifications',
  'logging',
] as const;

export type BucketSetting = (typeof BUCKET_SETTINGS)[number];

/** IAM's rules for a user name (CreateUser): 1-64 characters of letters, digits and `+=,.@_-`. */
const existingUserName = z
  .string()
  .superRefine(
    rule(
      'iam-user-name',
      (v: string) => /^[\w+=,.@-]{1,64}$/.test(v),
      'an IAM user name is 1-64 letters, digits and `+ = , . @ _ -` (no spaces or slashes; the path is not part of it)',
    ),
  );

const receiverBucket = z
  .union(
    [
      z.boolean(),
      z.strictObject({
        settings: z.array(z.enum(BUCKET_SETTINGS)),
      }),
    ],
    { error: 'must be `true`, `false` or `{ "settings": [...] }` naming the settings the bucket already has' },
  )
  .default(DEFAULTS.adopt.receiverBucket)
  .meta(
    perEnvironment(
      '`true` imports the existing `receiver.bucketName` bucket and every setting the stack declares for it (each must exist). `{ "settings": [...] }` imports the bucket and only the listed settings (`publicAccessBlock`, `ownershipControls`, `encryption`, `versioning`, `lifecycle`, `policy`, `notifications`, `logging`); the first apply writes the others. `npm run adopt` tells which exist.',
    ),
  );

const iamUser = z
  .union([z.boolean(), existingUserName], {
    error: 'must be `true`, `false` or the name of the existing IAM user',
  })
  .default(DEFAULTS.adopt.iamUser)
  .meta(
    perEnvironment(
      "`true` imports the existing IAM user named `campaign-aam-<environment>`; a name imports that user and keeps managing it under that name. Its group, policy and access key are the stack's own, created new; the hand-made key keeps working until you retire it (see docs/adoption-and-recovery.md, “Adopt an existing, hand-made set-up”). No two environments in one account may manage the same user.",
    ),
  );

const trackingRecords = z
  .union([z.boolean(), z.array(hostname).min(1)], {
    error: 'must be `true`, `false` or a list of tracking host names',
  })
  .default(DEFAULTS.adopt.trackingRecords)
  .meta(
    perEnvironment(
      '`true` imports the existing Route53 record of every tracking host name in `dns.trackingServer`; a list imports only those host names (the others are created).',
    ),
  );

/** Existing resources the stack takes over with Terraform `import` blocks instead of creating them. */
export const adoptSection = z.strictObject({ receiverBucket, iamUser, trackingRecords }).default({ ...DEFAULTS.adopt });

export type AdoptSection = z.output<typeof adoptSection>;

/**
 * The bucket settings the stack declares for an environment: access logs only when configured,
 * and no EventBridge notifications in emulator environments (moto does not store them, which
 * would be a perpetual diff).
 */
export function declaredBucketSettings(env: {
  readonly aws: { readonly endpoint?: string };
  readonly receiver: { readonly mode: string; readonly accessLogs?: unknown };
}): BucketSetting[] {
  // Adobe's receiver is Adobe's: the stack declares no bucket at all.
  if (env.receiver.mode === 'adobe-provisioned') return [];
  return BUCKET_SETTINGS.filter(
    (setting) =>
      (setting !== 'logging' || env.receiver.accessLogs !== undefined) &&
      (setting !== 'notifications' || emulatorEndpoint(env) === undefined),
  );
}

/** Base of the names of the stack's IAM user, group and policy, e.g. `campaign-aam-production`. */
export const integrationName = (environmentName: string) => `campaign-aam-${environmentName}`;

/** The IAM user the stack manages: an adopted user keeps the name it was made with. */
export function iamUserName(env: { readonly name: string; readonly adopt: AdoptSection }): string {
  return typeof env.adopt.iamUser === 'string' ? env.adopt.iamUser : integrationName(env.name);
}
