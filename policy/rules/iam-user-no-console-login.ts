import type { PolicyRule } from '../rule';

export const IamUserNoConsoleLogin: PolicyRule = {
  id: 'CAAM-IAM-3',
  name: 'IamUserNoConsoleLogin',
  explanation: 'The integration user is a machine identity; a console password is one more credential to leak.',
  check: (resources) =>
    resources
      .ofType('aws_iam_user_login_profile')
      .map((profile) => ({ resource: profile, detail: 'gives an IAM user a console login' })),
};
