import { asList, IDENTITY_POLICY_TYPES, statementsOf, unreadablePolicy } from '../iam-statements';
import type { Finding, PolicyRule } from '../rule';

export const IamNoWildcardResources: PolicyRule = {
  id: 'CAAM-IAM-2',
  name: 'IamNoWildcardResources',
  explanation:
    'Permissions must name the receiver bucket and prefix; `Resource: "*"` would extend them to every bucket in the account.',
  check: (resources) =>
    IDENTITY_POLICY_TYPES.flatMap((type) => resources.ofType(type)).flatMap((policy): Finding[] => {
      const statements = statementsOf(policy);
      if (statements === undefined) return [unreadablePolicy(policy)];
      return statements
        .filter((s) => s.Effect === 'Allow' && (asList(s.Resource).includes('*') || s.NotResource !== undefined))
        .map((s) => ({
          resource: policy,
          detail: `allows Resource "*" or NotResource${s.Sid === undefined ? '' : ` (statement ${s.Sid})`}`,
        }));
    }),
};
