import { type PolicyStatement, policyStatementsIn } from './policy-document';
import type { Finding, StackResources, SynthesizedResource } from './rule';

/** Resource types whose `policy` attribute is an IAM identity policy. */
export const IDENTITY_POLICY_TYPES = [
  'aws_iam_policy',
  'aws_iam_group_policy',
  'aws_iam_user_policy',
  'aws_iam_role_policy',
];

/**
 * The statements of a resource's `policy` document, or `undefined` when it cannot be read at synth
 * (not JSON, e.g. built from a data source): rules report that as its own finding, never as a pass.
 */
export function statementsOf(resource: SynthesizedResource): PolicyStatement[] | undefined {
  const policy = resource.attributes.policy;
  return typeof policy === 'string' ? policyStatementsIn(policy) : undefined;
}

export const unreadablePolicy = (resource: SynthesizedResource): Finding => ({
  resource,
  detail: 'its policy cannot be read at synth (not a literal JSON document), so it cannot be checked',
});

/**
 * Runs `check` on every Allow statement of every identity policy in the stack; `check` returns what
 * is wrong with one statement. An unreadable policy is a finding of its own.
 */
export function allowStatementFindings(
  resources: StackResources,
  check: (statement: PolicyStatement, sid: string) => string[],
): Finding[] {
  return IDENTITY_POLICY_TYPES.flatMap((type) => resources.ofType(type)).flatMap((policy): Finding[] => {
    const statements = statementsOf(policy);
    if (statements === undefined) return [unreadablePolicy(policy)];
    return statements
      .filter((s) => s.Effect === 'Allow')
      .flatMap((s) => check(s, s.Sid === undefined ? '' : ` (statement ${s.Sid})`))
      .map((detail) => ({ resource: policy, detail }));
  });
}
