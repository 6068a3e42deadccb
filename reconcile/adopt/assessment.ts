import { textOf } from '../lookups/attributes';
import type { DeclaredResource } from '../lookups/declared-resources';
import type { StackLookups, ResourceStatus } from '../lookups/stack-lookups';
import type { StateContents } from '../lookups/terraform-state';
import { bucketSettingOf } from '../../stacks/import-ids';
import { labelOf } from './labels';
import { recordChanges, settingChanges, tagChanges, userChanges } from './plan-changes';

/** What the first plan does with one declared AWS resource. */
export type Outcome = 'managed' | 'import' | 'create' | 'overwrite' | 'blocked' | 'unknown';

export interface Finding {
  readonly label: string;
  readonly address: string;
  readonly outcome: Outcome;
  /** For `import` and `overwrite`: what the first plan changes on it ("versioning: Disabled → Enabled"). */
  readonly changes: readonly string[];
  /** For `blocked` and `unknown`: why, and what to do. */
  readonly problem?: string;
}

/** IAM's limit of access keys per user. */
const KEYS_PER_USER = 2;

/** Which `adopt` field would import a resource of this type, if any. */
function adoptFieldOf(type: string): string | undefined {
  if (type === 'aws_s3_bucket' || bucketSettingOf(type) !== undefined) return 'adopt.receiverBucket';
  if (type === 'aws_iam_user') return 'adopt.iamUser';
  if (type === 'aws_route53_record') return 'adopt.trackingRecords';
  return undefined;
}

/** What the first plan changes on an existing resource, from the look-ups. */
function changesOf(resource: DeclaredResource, lookups: StackLookups): string[] {
  const a = (key: string) => textOf(resource, key);
  const setting = bucketSettingOf(resource.type);
  if (setting !== undefined) {
    const bucket = lookups.buckets.get(a('bucket'));
    return bucket?.state === 'found' ? settingChanges(setting, resource.attributes, bucket.settings) : [];
  }
  if (resource.type === 'aws_s3_bucket') {
    const bucket = lookups.buckets.get(a('bucket'));
    return bucket?.state === 'found' ? tagChanges(bucket.tags, lookups.defaultTags) : [];
  }
  if (resource.type === 'aws_iam_user') {
    const user = lookups.users.get(a('name'));
    return user?.state === 'found'
      ? [...userChanges(resource.attributes, user), ...tagChanges(user.tags, lookups.defaultTags)]
      : [];
  }
  if (resource.type === 'aws_route53_record') {
    const zone = lookups.zones.get(a('zone_id'));
    const record =
      zone?.state === 'found' ? zone.records.find((r) => r.name === a('name') && r.type === a('type')) : undefined;
    return record === undefined ? [] : recordChanges(resource.attributes, record);
  }
  return [];
}

function findingOf(status: ResourceStatus, lookups: StackLookups, environment: string, state: StateContents): Finding {
  const { resource, existence } = status;
  const base = { label: labelOf(resource), address: resource.address, changes: [] as string[] };
  // Already deployed: the plan compares it with state, as for any managed resource.
  if (state.addresses.has(resource.address)) return { ...base, outcome: 'managed' };
  const adopted = resource.importBlockId !== undefined;
  if (existence === 'unreadable') {
    return { ...base, outcome: 'unknown', problem: `could not check: ${status.reason}` };
  }
  if (existence === 'not-importable' || existence === 'missing') {
    return adopted
      ? {
          ...base,
          outcome: 'blocked',
          problem: `does not exist, but ${adoptFieldOf(resource.type)} imports it: the plan fails with Terraform's "Cannot import non-existent remote object"; take it out of the adopt section`,
        }
      : // A setting created on an existing bucket is written onto it: show what it sets.
        { ...base, outcome: 'create', changes: changesOf(resource, lookups) };
  }
  if (adopted) return { ...base, outcome: 'import', changes: changesOf(resource, lookups) };
  // It exists and the file does not adopt it.
  if (bucketSettingOf(resource.type) !== undefined) {
    return { ...base, outcome: 'overwrite', changes: changesOf(resource, lookups) };
  }
  if (resource.type === 'aws_iam_group_policy_attachment' || resource.type === 'aws_iam_user_group_membership') {
    return { ...base, outcome: 'create' };
  }
  const field = adoptFieldOf(resource.type);
  return {
    ...base,
    outcome: 'blocked',
    problem:
      field === undefined
        ? `already exists, although the stack creates it: if an interrupted deploy left it, \`npm run recover -- ${environment}\` imports it; otherwise delete it`
        : `already exists, but the file does not adopt it: the apply would fail creating it (or take it over unreviewed); set \`${field}\``,
  };
}

/** Problems beyond single resources: IAM's key limit, a CNAME beside other records, the bucket's region. */
function crossChecks(
  resources: readonly DeclaredResource[],
  lookups: StackLookups,
  region: string,
  state: StateContents,
): string[] {
  const problems: string[] = [];
  for (const user of resources.filter((r) => r.type === 'aws_iam_user')) {
    const found = lookups.users.get(textOf(user, 'name'));
    const newKeys = resources.filter(
      (r) => r.type === 'aws_iam_access_key' && textOf(r, 'user') === textOf(user, 'name'),
    );
    const keysToIssue = newKeys.filter((r) => !state.addresses.has(r.address)).length;
    if (found?.state === 'found' && keysToIssue > 0 && found.accessKeys.length + keysToIssue > KEYS_PER_USER) {
      problems.push(
        `IAM user ${found.name} has ${found.accessKeys.length} access key(s) and the stack issues ${keysToIssue} more: IAM allows ${KEYS_PER_USER} per user, so the apply would fail. Delete a key Campaign does not use first (see the leftovers).`,
      );
    }
  }
  for (const record of resources.filter((r) => r.type === 'aws_route53_record' && textOf(r, 'type') === 'CNAME')) {
    const zone = lookups.zones.get(textOf(record, 'zone_id'));
    const others =
      zone?.state === 'found'
        ? zone.records.filter((r) => r.name === textOf(record, 'name') && r.type !== 'CNAME').map((r) => r.type)
        : [];
    if (others.length > 0) {
      problems.push(
        `${textOf(record, 'name')} already has ${others.join(', ')} record(s): a CNAME cannot share its name with other records, so Route53 would refuse it. Remove them (or choose another tracking host).`,
      );
    }
  }
  for (const bucket of lookups.buckets.values()) {
    if (bucket.state === 'found' && bucket.region !== undefined && bucket.region !== region) {
      problems.push(
        `S3 bucket ${bucket.name} is in ${bucket.region}, but the environment's aws.region is ${region}: set aws.region to the bucket's region (a bucket cannot move).`,
      );
    }
  }
  return problems;
}

export interface Assessment {
  readonly findings: readonly Finding[];
  /** What makes the first plan or apply fail, or could not be checked. */
  readonly problems: readonly string[];
}

/** What the next plan of this stack would do in the account the look-ups saw, given its state. */
export function assess(lookups: StackLookups, environment: string, region: string, state: StateContents): Assessment {
  const aws = lookups.resources.filter((s) => s.existence !== 'not-aws');
  const findings = aws.map((status) => findingOf(status, lookups, environment, state));
  return {
    findings,
    problems: [
      ...findings.filter((f) => f.problem !== undefined).map((f) => `${f.label}: ${f.problem}`),
      ...crossChecks(
        aws.map((s) => s.resource),
        lookups,
        region,
        state,
      ),
    ],
  };
}
