import { asList, IDENTITY_POLICY_TYPES, statementsOf, unreadablePolicy } from '../iam-statements';
import type { Finding, PolicyRule } from '../rule';

export const IamNoWildcardActions: PolicyRule = {
  id: 'CAAM-IAM-1',
  name: 'IamNoWildcardActions',
  explanation:
    'The key is handed to a SaaS vendor; it may only perform the named actions Campaign needs, so a wildcard or NotAction is never allowed.',
  check: (resources) =>
    IDENTITY_POLICY_TYPES.flatMap((type) => resources.ofType(type)).flatMap((policy): Finding[] => {
      const statements = statementsOf(policy);
      if (statements === undefined) return [unreadablePolicy(policy)];
      return statements
        .filter((s) => s.Effect === 'Allow')
        .flatMap((s) => {
          const wild = asList(s.Action).filter((a) => a.includes('*'));
          const sid = s.Sid === undefined ? '' : ` (statement ${s.Sid})`;
          if (s.NotAction !== undefined)
            return [{ resource: policy, detail: `allows NotAction${sid}, which grants every other action` }];
          return wild.length > 0
            ? [{ resource: policy, detail: `allows wildcard action(s) ${wild.join(', ')}${sid}` }]
            : [];
        });
    }),
};
