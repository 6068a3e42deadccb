import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project folder (the one with `package.json`), found from this file's location, so it is the
 * same whether the code runs from source (ts-jest) or compiled from `dist/`.
 */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: is this the project folder?`);
  }
}

/** The project's cache folder (ignored by git): tool installs, Terraform's plugin cache, local runs. */
export const cacheDir = (...parts: string[]) => join(projectRoot(), '.cache', ...parts);

/**
 * Where the app reads environments and writes stacks, shared by `cdktf synth` (main.ts) and
 * `npm run verify`. `CAMPAIGN_AAM_ENVIRONMENTS` and cdktf's `CDKTF_OUTDIR` override the defaults.
 */
export function projectPaths(projectDir: string, env: NodeJS.ProcessEnv = process.env) {
  const outdir = resolve(projectDir, env.CDKTF_OUTDIR ?? 'cdktf.out');
  return {
    environmentsDir: resolve(projectDir, env.CAMPAIGN_AAM_ENVIRONMENTS ?? 'environments'),
    outdir,
    stackDir: (environment: string) => join(outdir, 'stacks', environment),
  };
}
