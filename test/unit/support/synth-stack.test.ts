import { IamUserLoginProfile } from '@cdktf/provider-aws/lib/iam-user-login-profile';
import { Testing } from 'cdktf';
import { EnvironmentStack } from '../../../stacks/environment-stack';
import { environment, synthChecked, synthStack } from '../../support/environment';

/** An environment's stack with a console login planted on its IAM user: a CAAM-IAM-3 violation. */
async function stackWithConsoleLogin(): Promise<EnvironmentStack> {
  const stack = new EnvironmentStack(Testing.app({ enableFutureFlags: false }), {
    environment: await environment(),
    projectDir: '/project',
  });
  new IamUserLoginProfile(stack.integration.accessKey!, 'planted-login', {
    user: stack.integration.accessKey!.user.name,
  });
  return stack;
}

describe('the synth helper of the construct and fuzz tests', () => {
  it('fails on a stack that breaks a policy rule, naming the rule and the construct', async () => {
    const stack = await stackWithConsoleLogin();
    expect(() => synthChecked(stack)).toThrow(
      /synthesis recorded 1 error\(s\):\n\[test\/integration\/access-key\/planted-login\] \[CAAM-IAM-3 IamUserNoConsoleLogin\]/,
    );
  });

  it('catches what Testing.synth alone lets through', async () => {
    const stack = await stackWithConsoleLogin();
    expect(JSON.parse(Testing.synth(stack)).resource.aws_iam_user_login_profile).toBeDefined();
  });

  it('passes a compliant stack', async () => {
    expect(JSON.parse(await synthStack()).resource.aws_iam_user).toBeDefined();
  });
});
