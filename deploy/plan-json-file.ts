import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * A plan as JSON holds the prior state, the plaintext secret included where there is no PGP key.
 * It may be written outside the project, or inside it only where git ignores it, so that no
 * `git add -A` can commit it; and only its owner may read it.
 */
export function planJsonLocationProblem(projectDir: string, file: string): string | undefined {
  const path = resolve(file);
  const inside = relative(resolve(projectDir), path);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  const ignored = spawnSync('git', ['check-ignore', '--quiet', '--no-index', '--', inside], { cwd: projectDir });
  // 0: ignored; 1: not ignored; anything else (no repository, no git): nothing can commit it.
  if (ignored.status !== 1) return undefined;
  return (
    `${file} is inside the project and not ignored by git: a plan holds state, secrets included, and \`git add -A\` would commit it. ` +
    'Write it outside the project (e.g. "$RUNNER_TEMP/<environment>.plan.json" in CI) or name it <something>.plan.json, which .gitignore covers.'
  );
}

/**
 * Writes the plan JSON readable by its owner only. An existing file (or link) is removed first, so
 * the plan never lands in a file that others could already read.
 */
export function writePlanJson(file: string, json: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, json, { mode: 0o600, flag: 'wx' });
}
