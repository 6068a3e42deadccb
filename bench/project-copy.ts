import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Not part of what a revision needs to synthesize: the tests and this checkout's own environments. */
const NOT_THE_APP = new Set(['test', 'environments']);

/**
 * Copies the project's app into `to`, as a revision reviewed by `npm run review` holds it: every
 * top-level file and folder git sees (tracked, or new and not ignored), so `node_modules`,
 * `cdktf.out` and caches stay behind and a new source folder is never forgotten.
 */
export function copyProjectSources(projectDir: string, to: string): void {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: projectDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const topLevel = new Set(
    listed
      .split('\n')
      .filter(Boolean)
      .map((path) => path.split('/')[0]),
  );
  for (const entry of topLevel) {
    if (!NOT_THE_APP.has(entry) && existsSync(join(projectDir, entry))) {
      cpSync(join(projectDir, entry), join(to, entry), { recursive: true });
    }
  }
}
