import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, run, start, type RunResult } from './run';

const BUILD_DIR = join(PROJECT_DIR, '.cache', 'test-build', String(process.pid));
let built = false;

/**
 * Runs a command's compiled entry (`node dist/cli/<name>.js`, as its npm script does after
 * `npm run build`) from a build private to this test process, so that parallel test files that
 * build `dist/` cannot hand it a half-written file. Node finds the project's `node_modules` from there.
 */
function entry(name: string): string {
  if (!built) {
    // Its own build-info file, removed with the build: tsconfig.build.json's (dist/.tsbuildinfo) would
    // tell a later build into this same folder, after removeCliBuild, that nothing needs writing.
    const build = run('npx', [
      'tsc',
      '-p',
      'tsconfig.build.json',
      '--outDir',
      BUILD_DIR,
      '--tsBuildInfoFile',
      join(BUILD_DIR, '.tsbuildinfo'),
    ]);
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
    built = true;
  }
  return join(BUILD_DIR, 'cli', `${name}.js`);
}

type Options = { cwd: string; env?: Record<string, string> };

export function cli(name: string, args: string[], options: Options): RunResult {
  return run(process.execPath, [entry(name), ...args], options);
}

/** Like `cli`, without blocking this process: for commands that talk to a server the test runs. */
export function cliAsync(name: string, args: string[], options: Options): Promise<RunResult> {
  return start(process.execPath, [entry(name), ...args], options);
}

/** Removes this process's build; call it in `afterAll`. */
export function removeCliBuild(): void {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  built = false;
}
