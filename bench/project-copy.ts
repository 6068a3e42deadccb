import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { workTreePaths } from '../runtime/git';

/** Not part of what a revision needs to synthesize: the tests and this checkout's own environments. */
const NOT_THE_APP = new Set(['test', 'environments']);

/**
 * Copies the project's app into `to`, as a revision reviewed by `npm run review` holds it: every
 * top-level file and folder git sees (tracked, or new and not ignored), so `node_modules`,
 * `cdktf.out` and caches stay behind and a new source folder is never forgotten.
 */
export function copyProjectSources(projectDir: string, to: string): void {
  const topLevel = new Set(workTreePaths(projectDir).map((path) => path.split('/')[0]));
  for (const entry of topLevel) {
    if (!NOT_THE_APP.has(entry) && existsSync(join(projectDir, entry))) {
      cpSync(join(projectDir, entry), join(to, entry), { recursive: true });
    }
  }
}
