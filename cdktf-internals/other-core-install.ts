import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandSync } from '../runtime/processes';

/** What scripts/install-other-core.mjs leaves in the copy it makes: the install it was copied from. */
const ORIGIN_FILE = 'other-core-of.json';

/** The core a project folder has installed under the name `cdktf` (name `cdktf` or `cdktn`, and version). */
export const coreIn = (install: string) =>
  JSON.parse(readFileSync(join(install, 'node_modules', 'cdktf', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };

/**
 * The project installed on the other core, for comparing and measuring both: the install this
 * one was copied from, when it is such a copy, else `.cache/<other core>`, made or brought up to
 * date with this project's files now by scripts/install-other-core.mjs (a couple of minutes the
 * first time, seconds after).
 */
export function otherCoreInstall(projectDir: string): string {
  const origin = join(projectDir, ORIGIN_FILE);
  if (existsSync(origin)) return (JSON.parse(readFileSync(origin, 'utf8')) as { copiedFrom: string }).copiedFrom;
  const installed = runCommandSync(process.execPath, [join(projectDir, 'scripts', 'install-other-core.mjs')], {
    cwd: projectDir,
    output: 'inherit',
  });
  if (installed.status !== 0)
    throw new Error(`scripts/install-other-core.mjs failed (exit ${installed.status ?? 'by signal'})`);
  return join(projectDir, '.cache', coreIn(projectDir).name === 'cdktn' ? 'cdktf' : 'cdktn');
}
