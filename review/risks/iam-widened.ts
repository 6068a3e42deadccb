import type { EnvironmentChanges, ResourceChange, Value } from '../model';
import { code } from '../format';
import { policyStatements, type Statement } from './policy-documents';
import { field, kept, referencedAction, resourcesOf, type RiskFinding, type RiskRule } from './rule';

/** Resources that hold an identity policy document in `policy`. */
const POLICIES = ['aws_iam_policy', 'aws_iam_group_policy', 'aws_iam_user_policy', 'aws_iam_role_policy'];
/** Resources that give a principal a policy, and the attribute naming the principal. */
const ATTACHMENTS: Readonly<Record<string, string>> = {
  aws_iam_group_policy_attachment: 'group',
  aws_iam_user_policy_attachment: 'user',
  aws_iam_role_policy_attachment: 'role',
  aws_iam_group_policy: 'group',
  aws_iam_user_policy: 'user',
  aws_iam_role_policy: 'role',
};

const allows = (statements: Statement[]) => statements.filter((s) => s.Effect === 'Allow');
const all = (statements: Statement[], key: 'Action' | 'Resource') =>
  new Set(statements.flatMap((s) => s[key].map((v) => v.toLowerCase())));
const conditionKeys = (s: Statement) =>
  Object.entries(s.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.keys(typeof keys === 'object' && keys !== null ? keys : {}).map((key) => `${operator} ${key}`),
  );
const identity = (s: Statement) => s.Sid ?? JSON.stringify([s.Action, s.Resource]);

/** How an identity policy document grants more after than before; nothing when it only narrows. */
export function widenings(before: Statement[], after: Statement[]): string[] {
  const was = allows(before);
  const now = allows(after);
  const actions = all(was, 'Action');
  const resources = all(was, 'Resource');
  const found: string[] = [];
  for (const action of [...new Set(now.flatMap((s) => s.Action))].filter((a) => !actions.has(a.toLowerCase()))) {
    found.push(`${action.includes('*') ? 'wildcard action' : 'new action'} ${code(action)}`);
  }
  for (const resource of [...new Set(now.flatMap((s) => s.Resource))].filter((r) => !resources.has(r.toLowerCase()))) {
    found.push(`${resource === '*' ? 'wildcard resource' : 'new resource'} ${code(resource)}`);
  }
  for (const s of now) {
    const previous = was.find((p) => identity(p) === identity(s));
    if (s.NotAction.length > 0 && (previous?.NotAction.length ?? 0) === 0)
      found.push(`${code('NotAction')} (every other action)`);
    if (s.NotResource.length > 0 && (previous?.NotResource.length ?? 0) === 0) {
      found.push(`${code('NotResource')} (every other resource)`);
    }
    const removed = previous === undefined ? [] : conditionKeys(previous).filter((k) => !conditionKeys(s).includes(k));
    for (const key of removed) found.push(`condition ${code(key)} removed from ${code(s.Sid ?? 'a statement')}`);
  }
  // A conditioned statement that gave way to an unconditioned one granting the same.
  for (const previous of was.filter(
    (p) => p.Condition !== undefined && !now.some((s) => identity(s) === identity(p)),
  )) {
    const unconditioned = now.find(
      (s) =>
        s.Condition === undefined &&
        s.Action.some((a) => previous.Action.includes(a)) &&
        s.Resource.some((r) => previous.Resource.includes(r)),
    );
    if (unconditioned !== undefined) {
      found.push(
        `condition ${conditionKeys(previous).map(code).join(', ')} removed (${code(previous.Sid ?? 'a statement')} is now granted without it)`,
      );
    }
  }
  return found;
}

function policyChange(c: ResourceChange): RiskFinding[] {
  const found = widenings(policyStatements(field(c.before, 'policy')), policyStatements(field(c.after, 'policy')));
  const name = field(c.after, 'name');
  return found.length === 0
    ? []
    : [{ address: c.address, what: `${typeof name === 'string' ? `policy ${code(name)}: ` : ''}${found.join('; ')}` }];
}

/**
 * Whether the principal a policy goes to is created by the same change (then its policies are part
 * of creating it, not a widening): by reference in a configuration, by name in a plan.
 */
function principalIsNew(env: EnvironmentChanges, principal: string, target: Value | undefined): boolean {
  const byReference = referencedAction(env, target);
  if (byReference !== undefined) return byReference === 'create';
  return env.changes.some(
    (c) => c.type === `aws_iam_${principal}` && c.action === 'create' && field(c.after, 'name') === target,
  );
}

/** A policy given to a principal that already exists (a new environment's own attachments are not a widening). */
function attachment(env: EnvironmentChanges, c: ResourceChange): RiskFinding[] {
  const principal = ATTACHMENTS[c.type];
  const target = field(c.after, principal);
  if (c.action === 'create' || c.action === 'import') {
    if (principalIsNew(env, principal, target)) return [];
    return [
      {
        address: c.address,
        what: `a policy is newly attached to ${principal} ${typeof target === 'string' ? code(target) : ''}`.trim(),
      },
    ];
  }
  const before = field(c.before, 'policy_arn');
  const after = field(c.after, 'policy_arn');
  return kept(c) && typeof after === 'string' && typeof before === 'string' && before !== after
    ? [{ address: c.address, what: `attached policy ${code(before)} → ${code(after)}` }]
    : [];
}

function membership(env: EnvironmentChanges, c: ResourceChange): RiskFinding[] {
  if (c.action === 'create' && principalIsNew(env, 'user', field(c.after, 'user'))) return [];
  const groups = (v: unknown) => (Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : []);
  const before = new Set(groups(field(c.before, 'groups')));
  const joined = groups(field(c.after, 'groups')).filter((g) => !before.has(g));
  return joined.length === 0 ? [] : [{ address: c.address, what: `user joins ${joined.map(code).join(', ')}` }];
}

export const iamWidened: RiskRule = {
  id: 'iam-widened',
  title: 'IAM permissions widened',
  why: "The access key Campaign uses could do more than exchange segment files under the prefix; a leaked key (it sits in Campaign's settings and in state) would reach further.",
  check: (env) => [
    ...resourcesOf(env, ...POLICIES)
      .filter(kept)
      .flatMap(policyChange),
    ...resourcesOf(env, ...Object.keys(ATTACHMENTS)).flatMap((c) => attachment(env, c)),
    ...resourcesOf(env, 'aws_iam_user_group_membership').flatMap((c) => membership(env, c)),
  ],
};
