import { allowStatementFindings } from '../iam-statements';
import type { PolicyRule } from '../rule';

export const IamNoWildcardActions: PolicyRule = {
  id: 'CAAM-IAM-1',
  name: 'IamNoWildcardActions',
  explanation:
    'The key is handed to a SaaS vendor; it may only perform the named actions Campaign needs, so a wildcard or NotAction is never allowed.',
  check: (resources) =>
    allowStatementFindings(resources, (statement, sid) => {
      if (statement.NotAction.length > 0) return [`allows NotAction${sid}, which grants every other action`];
      const wild = statement.Action.filter((a) => a.includes('*'));
      return wild.length > 0 ? [`allows wildcard action(s) ${wild.join(', ')}${sid}`] : [];
    }),
};
