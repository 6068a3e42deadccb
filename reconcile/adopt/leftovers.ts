import { textOf } from '../lookups/attributes';
import type { Grant } from '@aws-sdk/client-s3';
import { atOrBelow } from '../lookups/dns';
import { describeKey } from '../lookups/iam';
import type { StackLookups } from '../lookups/stack-lookups';
import type { StateContents } from '../lookups/terraform-state';
import type { DeclaredResource } from '../lookups/declared-resources';
import type { Environment } from '../../config/environment';
import { statementsOf } from '../lookups/bucket';
import { awsCli } from '../lookups/commands';
import { describeStatement, removedStatements } from './plan-changes';

/** Something of the hand-made set-up the stack will not manage: a reviewer decides on each. */
export interface Leftover {
  readonly subject: string;
  readonly detail: string;
  /** The command that removes it, once nothing needs it. */
  readonly command?: string;
}

function describeGrant(grant: Grant): string {
  const g = grant.Grantee;
  const who = g?.URI ?? g?.EmailAddress ?? (g?.DisplayName === undefined ? g?.ID : `${g.DisplayName} (${g.ID})`);
  return `${grant.Permission} to ${who ?? 'an unknown grantee'}`;
}

function userLeftovers(
  env: Environment,
  lookups: StackLookups,
  resources: readonly DeclaredResource[],
  state: StateContents,
): Leftover[] {
  const declared = resources.find((r) => r.type === 'aws_iam_user');
  const user = declared === undefined ? undefined : lookups.users.get(textOf(declared, 'name'));
  if (user?.state !== 'found') return [];
  const ourGroups = resources.filter((r) => r.type === 'aws_iam_group').map((r) => textOf(r, 'name'));
  const subject = `IAM user ${user.name}`;
  return [
    ...user.inlinePolicies.map((p) => ({
      subject,
      detail: `inline policy "${p.name}" (${statementsOf(p.document).map(describeStatement).join('; ')}) keeps its permissions beside the stack's group policy`,
      command: awsCli(env, 'iam', 'delete-user-policy', '--user-name', user.name, '--policy-name', p.name),
    })),
    ...user.attachedPolicies.map((p) => ({
      subject,
      detail: `attached policy ${p.arn} keeps its permissions beside the stack's group policy`,
      command: awsCli(env, 'iam', 'detach-user-policy', '--user-name', user.name, '--policy-arn', p.arn),
    })),
    ...user.groups
      .filter((g) => !ourGroups.includes(g))
      .map((g) => ({
        subject,
        detail: `member of group ${g}, whose policies keep applying`,
        command: awsCli(env, 'iam', 'remove-user-from-group', '--user-name', user.name, '--group-name', g),
      })),
    ...user.accessKeys
      .filter((key) => !state.accessKeyIds.has(key.id))
      .map((key) => ({
        subject,
        detail: `access key ${describeKey(key)}: Terraform cannot import a key's secret; retire it once Campaign uses the stack's key`,
        command: awsCli(env, 'iam', 'delete-access-key', '--user-name', user.name, '--access-key-id', key.id),
      })),
    ...(user.consoleAccess
      ? [
          {
            subject,
            detail: 'has a console password; an integration user should not sign in to the console',
            command: awsCli(env, 'iam', 'delete-login-profile', '--user-name', user.name),
          },
        ]
      : []),
  ];
}

function bucketLeftovers(lookups: StackLookups, resources: readonly DeclaredResource[]): Leftover[] {
  const declared = resources.find((r) => r.type === 'aws_s3_bucket');
  const bucket = declared === undefined ? undefined : lookups.buckets.get(textOf(declared, 'bucket'));
  if (bucket?.state !== 'found') return [];
  const subject = `S3 bucket ${bucket.name}`;
  const declares = (type: string) => resources.some((r) => r.type === type);
  const policy = resources.find((r) => r.type === 'aws_s3_bucket_policy');
  return [
    ...bucket.extraAclGrants.map((grant) => ({
      subject,
      detail: `ACL grant ${describeGrant(grant)}: ownership "BucketOwnerEnforced" disables ACLs, so it stops applying; make sure nothing relies on it`,
    })),
    ...(policy === undefined ? [] : removedStatements(textOf(policy, 'policy'), bucket.settings)).map((s) => ({
      subject,
      detail: `bucket policy statement ${describeStatement(s)} is replaced by the stack's policy: make sure nothing relies on it`,
    })),
    ...(bucket.settings.logging !== undefined && !declares('aws_s3_bucket_logging')
      ? [
          {
            subject,
            detail: `access logging to s3://${bucket.settings.logging.targetBucket}/${bucket.settings.logging.targetPrefix} stays as it is: the file declares none (receiver.accessLogs), so the stack leaves it unmanaged`,
          },
        ]
      : []),
  ];
}

function dnsLeftovers(lookups: StackLookups, resources: readonly DeclaredResource[]): Leftover[] {
  const records = resources.filter((r) => r.type === 'aws_route53_record');
  return records.flatMap((record) => {
    const [zoneId, name, type] = [textOf(record, 'zone_id'), textOf(record, 'name'), textOf(record, 'type')];
    const zone = lookups.zones.get(zoneId);
    if (zone?.state !== 'found') return [];
    const declared = (r: { name: string; type: string }) =>
      records.some((d) => textOf(d, 'name') === r.name && textOf(d, 'type') === r.type);
    return zone.records
      .filter((r) => atOrBelow(r.name, name) && !declared(r))
      .map((r) => ({
        subject: `DNS ${name}`,
        detail: `${r.type} record ${r.name} (${r.special ?? r.values.join(', ')}) is not managed by the stack${type === 'NS' && r.name !== name ? ': the delegation hides it' : ''}`,
      }));
  });
}

/** What a hand-made set-up leaves that the stack will not manage, with the command that removes each. */
export function leftovers(env: Environment, lookups: StackLookups, state: StateContents): Leftover[] {
  const resources = lookups.resources.map((s) => s.resource);
  return [
    ...userLeftovers(env, lookups, resources, state),
    ...bucketLeftovers(lookups, resources),
    ...dnsLeftovers(lookups, resources),
  ];
}
