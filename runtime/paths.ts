import { isAbsolute, relative, resolve, sep } from 'node:path';
import { variable, VARIABLES } from './environment-variables';

/** Is `path` the folder `dir` or inside it? Both must be absolute (resolved). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  // `..x.tfstate` is a file inside `dir`; only `..` itself, or `../…`, leaves it.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * A path given on the command line, as its caller meant it: npm runs scripts in the project
 * folder and keeps the caller's own folder in INIT_CWD.
 */
export const callerPath = (given: string) => resolve(variable(VARIABLES.callerFolder) ?? process.cwd(), given);
