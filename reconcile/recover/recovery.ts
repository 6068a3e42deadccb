import { textOf } from '../lookups/attributes';
import { callerIn } from '../lookups/account';
import type { AwsClients } from '../../runtime/aws-clients';
import { readSynthesizedStack } from '../lookups/declared-resources';
import type { AccessKeyFound } from '../lookups/iam';
import { lookUpStack } from '../lookups/stack-lookups';
import type { Environment } from '../../config/environment';
import { findLeftoverLock, type LeftoverLock } from './state-lock';
import type { StateContents } from '../lookups/terraform-state';

/** A resource of the stack that exists in AWS but not in state: what `terraform import` needs. */
export interface MissingFromState {
  readonly address: string;
  readonly importId: string;
  readonly type: string;
}

/** An access key on the stack's user that state does not hold: its secret is lost, it cannot be imported. */
export interface KeyOutsideState {
  readonly user: string;
  readonly key: AccessKeyFound;
  /** Created after the interrupted run started (from its lock), so almost surely its orphan. */
  readonly createdByInterruptedRun: boolean;
}

export interface Recovery {
  readonly lock?: LeftoverLock;
  readonly missing: readonly MissingFromState[];
  readonly keysOutsideState: readonly KeyOutsideState[];
  /** What could not be checked with these credentials. */
  readonly unreadable: readonly string[];
}

/**
 * After an interrupted apply: the stack's resources (as synthesized in `stackDir`, what Terraform
 * runs) that exist in AWS but are missing from state, the access keys state does not know, and a
 * lock left behind. Read only.
 */
export async function findRecovery(
  env: Environment,
  stack: { readonly dir: string; readonly shownAs: string },
  projectDir: string,
  clients: AwsClients,
  state: StateContents,
): Promise<Recovery> {
  const { accountId } = await callerIn(env, clients.sts);
  const { lock, unreadable: lockUnreadable } = await findLeftoverLock(env, stack.shownAs, projectDir, clients.s3In);
  const lookups = await lookUpStack(readSynthesizedStack(stack.dir), clients, accountId);

  const missing = lookups.resources
    .filter((s) => s.existence === 'found' && !state.addresses.has(s.resource.address))
    .flatMap(({ resource }) =>
      resource.importId === undefined
        ? []
        : [{ address: resource.address, importId: resource.importId, type: resource.type }],
    );

  const keysOutsideState = lookups.resources
    .filter((s) => s.resource.type === 'aws_iam_user')
    .flatMap((s) => {
      const user = lookups.users.get(textOf(s.resource, 'name'));
      if (user?.state !== 'found') return [];
      return user.accessKeys
        .filter((key) => !state.accessKeyIds.has(key.id))
        .map((key) => ({
          user: user.name,
          key,
          createdByInterruptedRun:
            lock?.created !== undefined && key.created !== undefined && key.created >= lock.created,
        }));
    });

  const unreadable = [
    ...(lockUnreadable === undefined ? [] : [lockUnreadable]),
    ...lookups.resources.filter((s) => s.existence === 'unreadable').map((s) => `${s.resource.address}: ${s.reason}`),
  ];
  return { lock, missing, keysOutsideState, unreadable };
}
