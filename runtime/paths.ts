import { isAbsolute, relative, sep } from 'node:path';

/** Is `path` the folder `dir` or inside it? Both must be absolute (resolved). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  // `..x.tfstate` is a file inside `dir`; only `..` itself, or `../…`, leaves it.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
