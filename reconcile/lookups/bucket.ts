import {
  type Grant,
  type LifecycleRule,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketSetting } from '../../config/adopt';
import { explainSetupError, isAccessDenied, isNotFound, type Lookup, partReader } from './lookup-errors';
import { statementsIn } from '../../policy/policy-document';

/** A bucket's settings as S3 reports them; a key is absent when the bucket has no such setting. */
export interface BucketSettingsFound {
  readonly publicAccessBlock?: {
    readonly blockPublicAcls: boolean;
    readonly blockPublicPolicy: boolean;
    readonly ignorePublicAcls: boolean;
    readonly restrictPublicBuckets: boolean;
  };
  readonly ownershipControls?: { readonly objectOwnership: string };
  readonly encryption?: {
    readonly sseAlgorithm: string;
    readonly kmsMasterKeyId?: string;
    readonly bucketKeyEnabled: boolean;
  };
  /** Absent for a bucket whose versioning was never turned on ("Disabled", as Terraform shows it). */
  readonly versioning?: { readonly status: string };
  readonly lifecycle?: { readonly rules: readonly LifecycleRule[] };
  readonly policy?: { readonly document: PolicyDocumentFound };
  readonly notifications?: { readonly eventBridge: boolean; readonly otherDestinations: number };
  readonly logging?: { readonly targetBucket: string; readonly targetPrefix: string };
}

export interface PolicyStatementFound {
  readonly Sid?: string;
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: unknown;
}

export interface PolicyDocumentFound {
  readonly Statement: readonly PolicyStatementFound[];
}

export type BucketLookup = Lookup<
  { readonly name: string },
  {
    /** The bucket's region, when S3 says. */
    readonly region?: string;
    readonly settings: BucketSettingsFound;
    readonly tags: Readonly<Record<string, string>>;
    /** ACL grants besides the bucket owner's own full control. */
    readonly extraAclGrants: readonly Grant[];
    /** What could not be read (access denied), for the report. */
    readonly unreadable: readonly string[];
  }
>;

/** The statements as the policy writes them (compared and quoted as AWS holds them). */
export const statementsOf = (policy: string): PolicyStatementFound[] =>
  (statementsIn(policy) ?? []) as PolicyStatementFound[];

/**
 * Reads a bucket and each of its settings, without changing anything: HeadBucket, then one Get
 * call per setting (each absent setting is a "not found" answer, not an error).
 */
export async function lookUpBucket(s3: S3Client, name: string): Promise<BucketLookup> {
  let region: string | undefined;
  try {
    region = (await s3.send(new HeadBucketCommand({ Bucket: name }))).BucketRegion;
  } catch (error) {
    if (isNotFound(error)) return { name, state: 'missing' };
    if (isAccessDenied(error)) {
      return {
        name,
        state: 'unreadable',
        reason: 'S3 answers 403: another account owns a bucket of that name, or these credentials may not read it',
      };
    }
    throw explainSetupError(error);
  }

  const unreadable: string[] = [];
  const readPart = partReader(unreadable);
  const read = async <T, R>(what: string, call: () => Promise<T>, pick: (value: T) => R | undefined) => {
    const value = await readPart(what, call);
    return value === undefined ? undefined : pick(value);
  };
  const Bucket = name;

  const settings: BucketSettingsFound = {
    publicAccessBlock: await read(
      'GetPublicAccessBlock',
      () => s3.send(new GetPublicAccessBlockCommand({ Bucket })),
      ({ PublicAccessBlockConfiguration: c }) =>
        c && {
          blockPublicAcls: c.BlockPublicAcls ?? false,
          blockPublicPolicy: c.BlockPublicPolicy ?? false,
          ignorePublicAcls: c.IgnorePublicAcls ?? false,
          restrictPublicBuckets: c.RestrictPublicBuckets ?? false,
        },
    ),
    ownershipControls: await read(
      'GetBucketOwnershipControls',
      () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket })),
      (o) => {
        const objectOwnership = o.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
        return objectOwnership === undefined ? undefined : { objectOwnership };
      },
    ),
    encryption: await read(
      'GetBucketEncryption',
      () => s3.send(new GetBucketEncryptionCommand({ Bucket })),
      (o) => {
        const rule = o.ServerSideEncryptionConfiguration?.Rules?.[0];
        const byDefault = rule?.ApplyServerSideEncryptionByDefault;
        return byDefault?.SSEAlgorithm === undefined
          ? undefined
          : {
              sseAlgorithm: byDefault.SSEAlgorithm,
              kmsMasterKeyId: byDefault.KMSMasterKeyID,
              bucketKeyEnabled: rule?.BucketKeyEnabled ?? false,
            };
      },
    ),
    versioning: await read(
      'GetBucketVersioning',
      () => s3.send(new GetBucketVersioningCommand({ Bucket })),
      (o) => (o.Status === undefined ? undefined : { status: o.Status }),
    ),
    lifecycle: await read(
      'GetBucketLifecycleConfiguration',
      () => s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })),
      (o) => (o.Rules === undefined || o.Rules.length === 0 ? undefined : { rules: o.Rules }),
    ),
    policy: await read(
      'GetBucketPolicy',
      () => s3.send(new GetBucketPolicyCommand({ Bucket })),
      (o) => (o.Policy === undefined ? undefined : { document: { Statement: statementsOf(o.Policy) } }),
    ),
    notifications: await read(
      'GetBucketNotificationConfiguration',
      () => s3.send(new GetBucketNotificationConfigurationCommand({ Bucket })),
      (o) => {
        const otherDestinations =
          (o.TopicConfigurations?.length ?? 0) +
          (o.QueueConfigurations?.length ?? 0) +
          (o.LambdaFunctionConfigurations?.length ?? 0);
        const eventBridge = o.EventBridgeConfiguration !== undefined;
        return eventBridge || otherDestinations > 0 ? { eventBridge, otherDestinations } : undefined;
      },
    ),
    logging: await read(
      'GetBucketLogging',
      () => s3.send(new GetBucketLoggingCommand({ Bucket })),
      (o) =>
        o.LoggingEnabled?.TargetBucket === undefined
          ? undefined
          : { targetBucket: o.LoggingEnabled.TargetBucket, targetPrefix: o.LoggingEnabled.TargetPrefix ?? '' },
    ),
  };

  const tagSet = await read(
    'GetBucketTagging',
    () => s3.send(new GetBucketTaggingCommand({ Bucket })),
    (o) => o.TagSet,
  );
  const tags = Object.fromEntries((tagSet ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

  const acl = await read(
    'GetBucketAcl',
    () => s3.send(new GetBucketAclCommand({ Bucket })),
    (o) => o,
  );
  const ownerId = acl?.Owner?.ID;
  const extraAclGrants = (acl?.Grants ?? []).filter(
    (g) => !(g.Grantee?.Type === 'CanonicalUser' && g.Grantee.ID === ownerId && g.Permission === 'FULL_CONTROL'),
  );

  return { name, state: 'found', region, settings, tags, extraAclGrants, unreadable };
}

/**
 * Whether `terraform import` of a setting would find it. The AWS provider reads versioning and
 * notifications of any existing bucket (a never-versioned bucket reads as "Disabled"); the other
 * settings exist only once someone set them.
 */
export function settingImportable(bucket: BucketLookup, setting: BucketSetting): boolean {
  if (bucket.state !== 'found') return false;
  if (setting === 'versioning' || setting === 'notifications') return true;
  return bucket.settings[setting] !== undefined;
}
