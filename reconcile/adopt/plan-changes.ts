import type { LifecycleRule } from '@aws-sdk/client-s3';
import type { BucketSetting } from '../../config/adopt';
import { type BucketSettingsFound, type PolicyStatementFound, statementsOf } from '../lookups/bucket';
import type { RecordFound } from '../lookups/dns';
import type { UserLookup } from '../lookups/iam';
import type { TerraformAttributes } from '../../stacks/import-ids';
import { block, blocks, flag, integer, text, texts } from '../lookups/attributes';

const change = (what: string, before: unknown, after: unknown): string[] =>
  JSON.stringify(before) === JSON.stringify(after) ? [] : [`${what}: ${String(before)} → ${String(after)}`];

/** One lifecycle rule in a line, from either side, so that the two can be compared. */
function lifecycleLine(rule: {
  id?: string;
  status?: string;
  prefix?: string;
  expirationDays?: number;
  noncurrentDays?: number;
  abortDays?: number;
  other?: boolean;
}): string {
  const parts = [
    `prefix "${rule.prefix ?? ''}"`,
    rule.expirationDays === undefined ? undefined : `expire after ${rule.expirationDays} d`,
    rule.noncurrentDays === undefined ? undefined : `expire old versions after ${rule.noncurrentDays} d`,
    rule.abortDays === undefined ? undefined : `abort uploads after ${rule.abortDays} d`,
    rule.other ? 'and settings this stack does not declare' : undefined,
  ].filter((p) => p !== undefined);
  return `${rule.id ?? '(no id)'} (${rule.status ?? '?'}): ${parts.join(', ')}`;
}

function declaredLifecycle(rule: TerraformAttributes): string {
  return lifecycleLine({
    id: text(rule, 'id'),
    status: text(rule, 'status'),
    prefix: text(block(rule, 'filter'), 'prefix'),
    expirationDays: integer(block(rule, 'expiration'), 'days'),
    noncurrentDays: integer(block(rule, 'noncurrent_version_expiration'), 'noncurrent_days'),
    abortDays: integer(block(rule, 'abort_incomplete_multipart_upload'), 'days_after_initiation'),
  });
}

function foundLifecycle(rule: LifecycleRule): string {
  const filter = rule.Filter ?? {};
  return lifecycleLine({
    id: rule.ID,
    status: rule.Status,
    prefix: filter.Prefix ?? rule.Prefix,
    expirationDays: rule.Expiration?.Days,
    noncurrentDays: rule.NoncurrentVersionExpiration?.NoncurrentDays,
    abortDays: rule.AbortIncompleteMultipartUpload?.DaysAfterInitiation,
    other:
      (rule.Transitions?.length ?? 0) > 0 ||
      (rule.NoncurrentVersionTransitions?.length ?? 0) > 0 ||
      rule.Expiration?.Date !== undefined ||
      rule.Expiration?.ExpiredObjectDeleteMarker !== undefined ||
      filter.Tag !== undefined ||
      filter.And !== undefined ||
      filter.ObjectSizeGreaterThan !== undefined ||
      filter.ObjectSizeLessThan !== undefined,
  });
}

/** Items present on one side only (compared by `key`), as "removes"/"adds" lines. */
function listChange<T>(
  what: string,
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  describe: (item: T) => string = key,
): string[] {
  const [beforeKeys, afterKeys] = [before.map(key), after.map(key)];
  return [
    ...before.filter((b) => !afterKeys.includes(key(b))).map((b) => `${what}: removes ${describe(b)}`),
    ...after.filter((a) => !beforeKeys.includes(key(a))).map((a) => `${what}: adds ${describe(a)}`),
  ];
}

const asList = (value: unknown) => (value === undefined ? undefined : [value].flat().map(String).sort());

/** A statement in a canonical form (lists sorted), so AWS's and ours compare equal when they mean the same. */
function canonical(statement: PolicyStatementFound): string {
  return JSON.stringify({
    ...statement,
    Action: asList(statement.Action),
    NotAction: asList(statement.NotAction),
    Resource: asList(statement.Resource),
  });
}

/** `DenyInsecureTransport: Deny s3:* on arn:aws:s3:::b, arn:aws:s3:::b/* for *` */
export function describeStatement(statement: PolicyStatementFound): string {
  const actions = asList(statement.Action ?? statement.NotAction)?.join(', ') ?? '?';
  const resources = asList(statement.Resource)?.join(', ') ?? '?';
  const principal = statement.Principal === undefined ? '' : ` for ${JSON.stringify(statement.Principal)}`;
  const condition = statement.Condition === undefined ? '' : ` when ${JSON.stringify(statement.Condition)}`;
  const not = statement.NotAction === undefined ? '' : 'everything but ';
  return `${statement.Sid ?? '(no Sid)'}: ${statement.Effect ?? '?'} ${not}${actions} on ${resources}${principal}${condition}`;
}

/** The statements of an existing bucket policy that the stack's policy replaces. */
export function removedStatements(declaredPolicy: string, found: BucketSettingsFound): PolicyStatementFound[] {
  const ours = statementsOf(declaredPolicy).map(canonical);
  return (found.policy?.document.Statement ?? []).filter((s) => !ours.includes(canonical(s)));
}

function describeEncryption(e: BucketSettingsFound['encryption']): string {
  if (e === undefined) return 'none';
  const key = e.kmsMasterKeyId === undefined ? '' : ` with key ${e.kmsMasterKeyId}`;
  return `${e.sseAlgorithm}${key}${e.bucketKeyEnabled ? ', bucket key' : ''}`;
}

/**
 * What the first plan changes on an existing bucket setting, compared from the stack's declared
 * arguments and what S3 reports. An empty list means the plan leaves it as it is.
 */
export function settingChanges(
  setting: BucketSetting,
  declared: TerraformAttributes,
  found: BucketSettingsFound,
): string[] {
  const d = declared;
  switch (setting) {
    case 'publicAccessBlock': {
      const flags = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
      const now = found.publicAccessBlock;
      if (now === undefined) return [`public access block: none → ${flags.filter((f) => flag(d, f)).join(', ')} on`];
      const current: Record<string, boolean> = {
        block_public_acls: now.blockPublicAcls,
        block_public_policy: now.blockPublicPolicy,
        ignore_public_acls: now.ignorePublicAcls,
        restrict_public_buckets: now.restrictPublicBuckets,
      };
      return flags.flatMap((f) => change(f, current[f], flag(d, f) ?? false));
    }
    case 'ownershipControls':
      return change(
        'object ownership',
        found.ownershipControls?.objectOwnership ?? 'none (ACLs apply)',
        text(block(d, 'rule'), 'object_ownership'),
      );
    case 'encryption': {
      const rule = block(d, 'rule');
      const byDefault = block(rule, 'apply_server_side_encryption_by_default');
      return change(
        'default encryption',
        describeEncryption(found.encryption),
        describeEncryption({
          sseAlgorithm: text(byDefault, 'sse_algorithm') ?? '',
          kmsMasterKeyId: text(byDefault, 'kms_master_key_id'),
          bucketKeyEnabled: flag(rule, 'bucket_key_enabled') ?? false,
        }),
      );
    }
    case 'versioning':
      // Terraform shows a never-versioned bucket as "Disabled".
      return change(
        'versioning',
        found.versioning?.status ?? 'Disabled',
        text(block(d, 'versioning_configuration'), 'status'),
      );
    case 'lifecycle':
      return listChange(
        'lifecycle rule',
        (found.lifecycle?.rules ?? []).map(foundLifecycle),
        blocks(d, 'rule').map(declaredLifecycle),
        (line) => line,
      );
    case 'policy': {
      const ours = statementsOf(text(d, 'policy') ?? '{}');
      const theirs = found.policy?.document.Statement ?? [];
      return listChange('bucket policy statement', theirs, ours, canonical, describeStatement);
    }
    case 'notifications': {
      const lines = change(
        'EventBridge notifications',
        found.notifications?.eventBridge ?? false,
        flag(d, 'eventbridge') ?? false,
      );
      const others = found.notifications?.otherDestinations ?? 0;
      return others > 0
        ? [...lines, `event notifications: removes ${others} SNS/SQS/Lambda destination(s) the stack does not declare`]
        : lines;
    }
    case 'logging':
      return change(
        'access logging',
        found.logging === undefined ? 'off' : `s3://${found.logging.targetBucket}/${found.logging.targetPrefix}`,
        `s3://${text(d, 'target_bucket')}/${text(d, 'target_prefix') ?? ''}`,
      );
  }
}

/**
 * What the provider's default tags do to an imported resource's own tags: the stack declares no
 * other tags, so Terraform sets exactly the default tags (adding, changing and removing).
 */
export function tagChanges(
  found: Readonly<Record<string, string>>,
  declared: Readonly<Record<string, string>>,
): string[] {
  const keys = [...new Set([...Object.keys(found), ...Object.keys(declared)])].sort();
  const describe = (tags: Readonly<Record<string, string>>, key: string) =>
    key in tags ? `${key}=${tags[key]}` : undefined;
  const changed = keys.filter((k) => found[k] !== declared[k]);
  if (changed.length === 0) return [];
  const before = changed.map((k) => describe(found, k)).filter((t) => t !== undefined);
  const after = changed.map((k) => describe(declared, k)).filter((t) => t !== undefined);
  return [
    `tags: ${before.length === 0 ? 'none' : before.join(', ')} → ${after.length === 0 ? 'none' : after.join(', ')}`,
  ];
}

/** What the first plan changes on an existing IAM user. */
export function userChanges(declared: TerraformAttributes, user: Extract<UserLookup, { state: 'found' }>): string[] {
  const path = text(declared, 'path') ?? '/';
  return [
    ...change('path', user.path, path).map(
      (line) =>
        `${line} (the user's ARN becomes arn:aws:iam::…:user${path}${user.name}; policies that name the old ARN stop matching)`,
    ),
    ...change(
      'permissions boundary',
      user.permissionsBoundary ?? 'none',
      text(declared, 'permissions_boundary') ?? 'none',
    ),
  ];
}

/** What the first plan changes on an existing record. */
export function recordChanges(declared: TerraformAttributes, record: RecordFound): string[] {
  if (record.special !== undefined) return [`record: ${record.special} → a plain ${text(declared, 'type')} record`];
  // A record's values are a set (Route 53 returns name servers in its own order): compared sorted.
  const sorted = (values: readonly string[]) =>
    [...values]
      .map((v) => v.toLowerCase())
      .sort()
      .join(', ');
  return [
    ...change('TTL', record.ttl, integer(declared, 'ttl')),
    ...change('value', sorted(record.values), sorted(texts(declared, 'records'))),
  ];
}
