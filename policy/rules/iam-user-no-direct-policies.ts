import type { PolicyRule } from '../rule';

export const IamUserNoDirectPolicies: PolicyRule = {
  id: 'CAAM-IAM-4',
  name: 'IamUserNoDirectPolicies',
  explanation: 'Permissions go through a group, so they are reviewed in one place and survive a user being replaced.',
  check: (resources) => [
    ...resources
      .ofType('aws_iam_user_policy')
      .map((r) => ({ resource: r, detail: 'attaches an inline policy directly to an IAM user' })),
    ...resources
      .ofType('aws_iam_user_policy_attachment')
      .map((r) => ({ resource: r, detail: 'attaches a managed policy directly to an IAM user' })),
    ...resources
      .ofType('aws_iam_policy_attachment')
      .filter((r) => Array.isArray(r.attributes.users) && r.attributes.users.length > 0)
      .map((r) => ({ resource: r, detail: 'attaches a managed policy directly to IAM users' })),
  ],
};
