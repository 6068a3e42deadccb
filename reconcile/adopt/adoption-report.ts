import { callerIn } from '../lookups/account';
import type { AwsClients } from '../../runtime/aws-clients';
import { synthesizeInMemory } from '../lookups/declared-resources';
import { type AccessKeyFound, type UserLookup, usersNamingBucket } from '../lookups/iam';
import { EMPTY_STATE, type StateContents } from '../lookups/terraform-state';
import { lookUpStack, type StackLookups } from '../lookups/stack-lookups';
import type { AdoptSection } from '../../config/adopt';
import type { Environment } from '../../config/environment';
import { assess, type Assessment } from './assessment';
import { leftovers, type Leftover } from './leftovers';
import { sameSection, suggestedSection } from './suggested-section';

export interface AdoptionReport {
  readonly env: Environment;
  readonly accountId: string;
  /** The first plan of the file as it is. */
  readonly current: Assessment;
  /** The `adopt` section that takes over exactly what exists. */
  readonly suggestion: AdoptSection;
  readonly suggestionDiffers: boolean;
  /** The first plan with the suggested section (the same as `current` when it does not differ). */
  readonly proposed: Assessment;
  readonly leftovers: readonly Leftover[];
  /** The hand-made keys of the user the stack takes over, to retire after adoption. */
  readonly handMadeKeys?: { readonly user: string; readonly keys: readonly AccessKeyFound[] };
  /** Users whose policies name the bucket, when the stack's user does not exist. */
  readonly userCandidates: readonly string[];
  /** What could not be read with these credentials. */
  readonly unreadable: readonly string[];
  /** Whether the environment's state was read (a stack initialized here); otherwise nothing counts as deployed. */
  readonly stateRead: boolean;
}

const userOf = (lookups: StackLookups) => {
  const declared = lookups.resources.find((s) => s.resource.type === 'aws_iam_user');
  return declared === undefined ? undefined : lookups.users.get(declared.resource.attributes.name as string);
};

function unreadableIn(lookups: StackLookups): string[] {
  return [
    ...[...lookups.buckets.values()].flatMap((b) =>
      b.state === 'found' ? b.unreadable.map((u) => `${b.name}: ${u}`) : [],
    ),
    ...[...lookups.users.values()].flatMap((u) =>
      u.state === 'found' ? u.unreadable.map((x) => `${u.name}: ${x}`) : [],
    ),
  ];
}

/** The keys of the adopted user that the stack did not issue. */
function handMadeKeysOf(user: UserLookup | undefined, state: StateContents): AdoptionReport['handMadeKeys'] {
  if (user?.state !== 'found') return undefined;
  const keys = user.accessKeys.filter((k) => !state.accessKeyIds.has(k.id));
  return keys.length === 0 ? undefined : { user: user.name, keys };
}

/**
 * `npm run adopt`: read-only look-ups of everything the environment declares, what the first plan
 * would do with it, what the hand-made set-up leaves behind, and the `adopt` section to add.
 */
export async function adoptionReport(
  env: Environment,
  clients: AwsClients,
  projectDir: string,
  /** The environment's state, when it could be read; without it, nothing counts as deployed. */
  state?: StateContents,
): Promise<AdoptionReport> {
  const known = state ?? EMPTY_STATE;
  const { accountId } = await callerIn(env, clients.sts);
  const lookups = await lookUpStack(synthesizeInMemory(env, projectDir), clients, accountId);
  const user = userOf(lookups);
  const bucketName = env.receiver.mode === 'stack-owned' ? env.receiver.bucketName : undefined;
  const userCandidates =
    user?.state === 'missing' && bucketName !== undefined ? await usersNamingBucket(clients.iam, bucketName) : [];
  const suggestion = suggestedSection(env, lookups, userCandidates, known);
  const suggestionDiffers = !sameSection(suggestion, env.adopt);

  const proposedEnv: Environment = suggestionDiffers ? { ...env, adopt: suggestion } : env;
  const proposedLookups = suggestionDiffers
    ? await lookUpStack(synthesizeInMemory(proposedEnv, projectDir), clients, accountId, lookups)
    : lookups;
  const adoptedUser = userOf(proposedLookups);

  return {
    env,
    accountId,
    current: assess(lookups, env.name, env.aws.region, known),
    suggestion,
    suggestionDiffers,
    proposed: assess(proposedLookups, env.name, env.aws.region, known),
    leftovers: leftovers(env, proposedLookups, known),
    stateRead: state !== undefined,
    handMadeKeys: handMadeKeysOf(adoptedUser, known),
    userCandidates,
    unreadable: unreadableIn(proposedLookups),
  };
}
