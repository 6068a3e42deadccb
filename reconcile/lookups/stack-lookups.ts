import { bucketSettingOf } from '../../stacks/import-ids';
import type { AwsClients } from '../../runtime/aws-clients';
import { type BucketLookup, lookUpBucket, settingImportable } from './bucket';
import {
  declaredResources,
  defaultTagsOf,
  type DeclaredResource,
  type SynthesizedTerraform,
} from './declared-resources';
import { type ZoneLookup, lookUpZone } from './dns';
import { type GroupLookup, type PolicyLookup, type UserLookup, lookUpGroup, lookUpPolicy, lookUpUser } from './iam';

/**
 * Whether a declared resource exists: `found` means `terraform import` would find it;
 * `not-importable` is an access key (its secret cannot be imported); `not-aws` is a Campaign-side
 * record, which lives only in state.
 */
export type Existence = 'found' | 'missing' | 'unreadable' | 'not-importable' | 'not-aws';

export interface ResourceStatus {
  readonly resource: DeclaredResource;
  readonly existence: Existence;
  /** Why it could not be read, for `unreadable`. */
  readonly reason?: string;
}

/** Everything the look-ups saw, so reports can go into detail without asking AWS twice. */
export interface StackLookups {
  readonly accountId: string;
  /** The tags the provider puts on every taggable resource; on an imported one they replace its own. */
  readonly defaultTags: Readonly<Record<string, string>>;
  readonly resources: readonly ResourceStatus[];
  readonly buckets: ReadonlyMap<string, BucketLookup>;
  readonly users: ReadonlyMap<string, UserLookup>;
  readonly zones: ReadonlyMap<string, ZoneLookup>;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Memoizes one look-up per key (a bucket, user, group, policy or zone is read once). */
function once<T>(lookUp: (key: string) => Promise<T>, known: ReadonlyMap<string, T> = new Map()) {
  const seen = new Map<string, Promise<T>>([...known].map(([k, v]) => [k, Promise.resolve(v)]));
  const get = (key: string) => {
    if (!seen.has(key)) seen.set(key, lookUp(key));
    return seen.get(key)!;
  };
  return {
    get,
    settled: async () => new Map(await Promise.all([...seen].map(async ([k, v]) => [k, await v] as const))),
  };
}

type State = { state: string; reason?: string };
const fromState = (lookup: State, present = lookup.state === 'found'): Pick<ResourceStatus, 'existence' | 'reason'> =>
  lookup.state === 'unreadable'
    ? { existence: 'unreadable', reason: lookup.reason }
    : { existence: present ? 'found' : 'missing' };

/**
 * Read-only look-ups of every AWS resource a synthesized stack declares: whether each exists in
 * the account (so that an import would find it), plus what the bucket, user and zone hold.
 * `previous` look-ups of the same account are reused rather than asked again.
 */
export async function lookUpStack(
  terraform: SynthesizedTerraform,
  clients: AwsClients,
  accountId: string,
  previous?: StackLookups,
): Promise<StackLookups> {
  const buckets = once((name) => lookUpBucket(clients.s3, name), previous?.buckets);
  const users = once((name) => lookUpUser(clients.iam, name), previous?.users);
  const groups = once<GroupLookup>((name) => lookUpGroup(clients.iam, name));
  const policies = once<PolicyLookup>((arn) => lookUpPolicy(clients.iam, arn));
  const zones = once((zoneId) => lookUpZone(clients.route53, zoneId), previous?.zones);

  const statusOf = async (resource: DeclaredResource): Promise<Omit<ResourceStatus, 'resource'>> => {
    const a = resource.attributes;
    const setting = bucketSettingOf(resource.type);
    if (setting !== undefined) {
      const bucket = await buckets.get(str(a.bucket));
      return fromState(bucket, settingImportable(bucket, setting));
    }
    switch (resource.type) {
      case 'aws_s3_bucket':
        return fromState(await buckets.get(str(a.bucket)));
      case 'aws_iam_user':
        return fromState(await users.get(str(a.name)));
      case 'aws_iam_group':
        return fromState(await groups.get(str(a.name)));
      case 'aws_iam_policy':
        return fromState(await policies.get(resource.importId ?? ''));
      case 'aws_iam_group_policy_attachment': {
        const group = await groups.get(str(a.group));
        return fromState(group, group.state === 'found' && group.attachedPolicyArns.includes(str(a.policy_arn)));
      }
      case 'aws_iam_user_group_membership': {
        const user = await users.get(str(a.user));
        const declared = Array.isArray(a.groups) ? a.groups.map(str) : [];
        return fromState(user, user.state === 'found' && declared.every((g) => user.groups.includes(g)));
      }
      case 'aws_iam_access_key':
        return { existence: 'not-importable' };
      case 'aws_route53_record': {
        const zone = await zones.get(str(a.zone_id));
        return fromState(
          zone,
          zone.state === 'found' && zone.records.some((r) => r.name === str(a.name) && r.type === str(a.type)),
        );
      }
      default:
        return { existence: 'not-aws' };
    }
  };

  const declared = declaredResources(terraform, accountId);
  const resources: ResourceStatus[] = [];
  // One after another: a report is read once, and a burst of parallel IAM calls gets throttled.
  for (const resource of declared) resources.push({ resource, ...(await statusOf(resource)) });
  return {
    accountId,
    defaultTags: defaultTagsOf(terraform),
    resources,
    buckets: await buckets.settled(),
    users: await users.settled(),
    zones: await zones.settled(),
  };
}
