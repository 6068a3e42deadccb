/** Error names that mean "there is no such thing", per call; anything else is a real failure. */
const NOT_FOUND = new Set([
  'NoSuchBucket',
  'NotFound',
  'NoSuchBucketPolicy',
  'NoSuchLifecycleConfiguration',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchPublicAccessBlockConfiguration',
  'OwnershipControlsNotFoundError',
  'NoSuchEntity',
  'NoSuchEntityException',
  'NoSuchHostedZone',
  'NoSuchKey',
  'NoSuchTagSet',
  'NoSuchTagSetError',
]);

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'UnauthorizedOperation']);

const CREDENTIALS = new Set(['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException']);

const nameOf = (error: unknown) => (error instanceof Error ? error.name : '');
const statusOf = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;

export const isNotFound = (error: unknown) => NOT_FOUND.has(nameOf(error)) || statusOf(error) === 404;
export const isAccessDenied = (error: unknown) => ACCESS_DENIED.has(nameOf(error)) || statusOf(error) === 403;

/** Thrown when no look-up can run at all: no credentials, or the wrong account. */
export class LookupSetupError extends Error {}

/** Turns a credentials failure into a sentence that says what to do; other errors pass through. */
export function explainSetupError(error: unknown): unknown {
  const name = nameOf(error);
  if (CREDENTIALS.has(name) || /Could not load credentials/.test(error instanceof Error ? error.message : '')) {
    return new LookupSetupError(
      `no usable AWS credentials (${name}: ${(error as Error).message.split('\n')[0]}): set them as for \`npm run plan\` (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or SSO), then run again`,
    );
  }
  if (['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException'].includes(name)) {
    return new LookupSetupError(`AWS refused the credentials (${name}): check AWS_PROFILE or the access key in use`);
  }
  return error;
}

/** What a look-up found: the value, nothing, or that it could not read it (with the reason). */
export type Probe<T> =
  | { readonly found: true; readonly value: T }
  | { readonly found: false; readonly unreadable?: string };

/** A look-up of one named thing: not there, not readable (and why), or found with what was read. */
export type Lookup<Key extends object, Found extends object = object> =
  | (Key & { readonly state: 'missing' })
  | (Key & { readonly state: 'unreadable'; readonly reason: string })
  | (Key & { readonly state: 'found' } & Found);

/** The look-up of something its probe did not find: missing, or unreadable with the probe's reason. */
export function notFound<Key extends object>(key: Key, probed: { readonly unreadable?: string }) {
  return probed.unreadable === undefined
    ? { ...key, state: 'missing' as const }
    : { ...key, state: 'unreadable' as const, reason: probed.unreadable };
}

/**
 * Runs one read-only call: a "not found" answer is `found: false`, an access denial is recorded
 * as unreadable (a report names what it could not see), anything else is thrown.
 */
export async function probe<T>(what: string, call: () => Promise<T>): Promise<Probe<T>> {
  try {
    return { found: true, value: await call() };
  } catch (error) {
    if (isNotFound(error)) return { found: false };
    if (isAccessDenied(error)) return { found: false, unreadable: `${what}: access denied (${nameOf(error)})` };
    throw explainSetupError(error);
  }
}

/**
 * A reader for the parts of one found thing: each call's value, or `undefined` when it is absent
 * or unreadable; what could not be read is noted in `unreadable`, for the report.
 */
export function partReader(unreadable: string[]) {
  return async <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
    const result = await probe(what, call);
    if (result.found) return result.value;
    if (result.unreadable !== undefined) unreadable.push(result.unreadable);
    return undefined;
  };
}
