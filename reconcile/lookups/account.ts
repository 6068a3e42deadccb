import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Environment } from '../../config/environment';
import { explainSetupError, LookupSetupError } from './lookup-errors';

export interface Caller {
  readonly accountId: string;
  readonly arn: string;
}

/**
 * Who the credentials belong to (STS GetCallerIdentity, which needs no permission). Like the
 * provider's `allowed_account_ids`, refuses to look at an account other than `aws.accountId`.
 */
export async function callerIn(env: Environment, sts: STSClient): Promise<Caller> {
  let identity;
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw explainSetupError(error);
  }
  const caller = { accountId: identity.Account ?? '', arn: identity.Arn ?? '' };
  if (env.aws.accountId !== undefined && caller.accountId !== env.aws.accountId) {
    throw new LookupSetupError(
      `the credentials belong to account ${caller.accountId} (${caller.arn}), but ${env.sourceFile} declares aws.accountId ${env.aws.accountId}: use credentials for that account`,
    );
  }
  return caller;
}
