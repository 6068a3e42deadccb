import { MissingVariableError } from '../runtime/environment-variables';
import { OutsideOwnedFolderError } from '../runtime/owned-folders';
import { sweepAbandonedTemporaryFolders } from '../runtime/temporary-folders';
import { UsageError } from './usage-error';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface CommandLine {
  /** What `--help` (or `-h`) prints, exit 0: every command has one. */
  readonly help: string;
  /** Errors that are the caller's mistake or the input's, told by their message alone: exit 2. */
  readonly usage?: readonly ErrorClass[];
  /** Errors told by their message alone that are not the caller's mistake (a service said no): exit 1. */
  readonly failures?: readonly ErrorClass[];
  /** Put before every message told alone, e.g. the command's name. */
  readonly prefix?: string;
  /** How an expected error is told, when its message alone is not the best way. */
  readonly describe?: (error: Error) => string | undefined;
}

/** node:util `parseArgs` rejects an unknown or incomplete option with a TypeError carrying this code. */
const isParseArgsError = (error: unknown) =>
  error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');

/**
 * Runs a command's `main` with the process arguments and turns its outcome into an exit code: the
 * code it returns; 0 after the help for `--help`; 2 with the message alone for a usage error
 * (`UsageError`, `parseArgs`, a missing variable, a path outside what the command owns, or one of `errors.usage`); 1
 * with the message alone for `errors.failures`; 1 with the whole stack for anything else, which is
 * a bug worth reporting. First, it sweeps the temporary folders that killed runs left behind (they
 * may hold a saved plan, secrets included).
 */
export function runCommandLine(main: (args: string[]) => Promise<number>, errors: CommandLine): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(errors.help);
    process.exitCode = 0;
    return;
  }
  sweepAbandonedTemporaryFolders();
  main(args).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      const is = (classes: readonly ErrorClass[] = []) => classes.some((c) => error instanceof c);
      const usage =
        error instanceof UsageError ||
        error instanceof OutsideOwnedFolderError ||
        error instanceof MissingVariableError ||
        isParseArgsError(error) ||
        is(errors.usage);
      if (usage || is(errors.failures)) {
        // The parser's message (or a missing variable's) says what was wrong, not what would be right: the usage follows.
        const message =
          isParseArgsError(error) || error instanceof MissingVariableError
            ? `${(error as Error).message}\n\n${errors.help}`
            : (errors.describe?.(error as Error) ?? (error as Error).message);
        console.error(`${errors.prefix ?? ''}${message}`);
        process.exitCode = usage ? 2 : 1;
      } else {
        console.error(error instanceof Error ? (error.stack ?? error.message) : error);
        process.exitCode = 1;
      }
    },
  );
}
