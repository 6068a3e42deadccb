/** A mistake in how a command was called: printed as is, exit code 2. */
export class UsageError extends Error {}

/** What a command says when its environment argument names no environment file. */
export const unknownEnvironment = (name: string, known: readonly string[]) =>
  `no environment named "${name}"; known: ${known.join(', ')}`;
