import type { Environment } from '../../config/environment';
import { emulatorEndpoint } from '../../runtime/emulator-environment';

/** Quotes an argument for a POSIX shell when it needs it. */
const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** A command line a person can paste into a shell. */
export const shellCommand = (...args: string[]) => args.map(quote).join(' ');

/**
 * An AWS CLI command a person runs to act on what a report found (this project never changes what
 * it does not manage). Emulator environments get their endpoint.
 */
export function awsCli(env: Environment, ...args: string[]): string {
  const endpoint = emulatorEndpoint(env);
  return shellCommand('aws', ...args, ...(endpoint === undefined ? [] : ['--endpoint-url', endpoint]));
}
