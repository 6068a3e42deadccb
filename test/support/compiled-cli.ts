import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, run, type RunResult } from './run';

const BUILD_DIR = join(PROJECT_DIR, '.cache', 'test-build', String(process.pid));
let built = false;

/**
 * Runs a command's compiled entry (`node dist/cli/<name>.js`, as its npm script does after
 * `npm run build`) from a build private to this test process, so that parallel test files that
 * build `dist/` cannot hand it a half-written file. Node finds the project's `node_modules` from there.
 */
export function cli(name: string, args: string[], options: { cwd: string; env?: Record<string, string> }): RunResult {
  if (!built) {
    const build = run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR]);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
    built = true;
  }
  return run(process.execPath, [join(BUILD_DIR, 'cli', `${name}.js`), ...args], options);
}

/** Removes this process's build; call it in `afterAll`. */
export function removeCliBuild(): void {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  built = false;
}
