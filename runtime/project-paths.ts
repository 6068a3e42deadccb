import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { variable, VARIABLES } from './environment-variables';

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

/** The default folders, relative to the project: environment files in, stacks and documents out. */
export const DEFAULT_PATHS = { environments: 'environments', outdir: 'cdktf.out' } as const;

/** Where each stack's generated documents go, and their file names. */
export const HANDOFF = { folder: 'handoff', email: 'provisioning-request.eml', sheet: 'campaign-setup.md' } as const;

/** Beside the output folder: each synth's own staging folder and what it removes, until deleted. */
export const stagingDirOf = (outdir: string) => `${outdir}.staging`;

/**
 * Where the app reads environments and writes stacks, shared by `cdktf synth` (main.ts),
 * `npm run verify` and `npm run review`. `CAMPAIGN_AAM_ENVIRONMENTS` and cdktf's `CDKTF_OUTDIR`
 * override the defaults.
 */
export function projectPaths(projectDir: string, env: NodeJS.ProcessEnv = process.env) {
  const outdir = resolve(projectDir, variable(VARIABLES.outdir, env) ?? DEFAULT_PATHS.outdir);
  return {
    environmentsDir: resolve(projectDir, variable(VARIABLES.environments, env) ?? DEFAULT_PATHS.environments),
    outdir,
    /** Folders synth owns: no state or environment file may live in them. */
    outputDirs: [outdir, stagingDirOf(outdir)],
    stackDir: (environment: string) => join(outdir, 'stacks', environment),
  };
}
