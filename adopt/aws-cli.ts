import type { Environment } from '../config/environment';

/** Quotes an argument for a POSIX shell when it needs it. */
const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/**
 * An AWS CLI command a person runs to act on what the report found (this project never changes
 * what it does not manage). Emulator environments get their endpoint.
 */
export function awsCli(env: Environment, ...args: string[]): string {
  const endpoint = env.aws.endpoint === undefined ? [] : ['--endpoint-url', env.aws.endpoint];
  return ['aws', ...args, ...endpoint].map(quote).join(' ');
}
