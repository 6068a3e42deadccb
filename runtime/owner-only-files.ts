/**
 * Runs `start` (a spawn) with the umask 077, so that every file the child creates is readable by
 * its owner alone: Terraform writes `errored.tfstate` (when a state upload fails), state backups
 * and saved plans world-readable otherwise, and each can hold the secret access key. A child
 * inherits the umask when it is forked, inside `start`; ours is restored right after.
 */
export function withOwnerOnlyFiles<T>(start: () => T): T {
  const previous = process.umask(0o077);
  try {
    return start();
  } finally {
    process.umask(previous);
  }
}
