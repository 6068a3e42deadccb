import { allowStatementFindings } from '../iam-statements';
import type { PolicyRule } from '../rule';

export const IamNoWildcardResources: PolicyRule = {
  id: 'CAAM-IAM-2',
  name: 'IamNoWildcardResources',
  explanation:
    'Permissions must name the receiver bucket and prefix; `Resource: "*"` would extend them to every bucket in the account.',
  check: (resources) =>
    allowStatementFindings(resources, (statement, sid) =>
      statement.Resource.includes('*') || statement.NotResource.length > 0
        ? [`allows Resource "*" or NotResource${sid}`]
        : [],
    ),
};
