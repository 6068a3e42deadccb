import { join, resolve } from 'node:path';

/** Where synth builds the next output before it replaces the output folder. */
export const stagingDirOf = (outdir: string) => `${outdir}.staging`;

/**
 * Where the app reads environments and writes stacks, shared by `cdktf synth` (main.ts) and
 * `npm run verify`. `CAMPAIGN_AAM_ENVIRONMENTS` and cdktf's `CDKTF_OUTDIR` override the defaults.
 */
export function projectPaths(projectDir: string, env: NodeJS.ProcessEnv = process.env) {
  const outdir = resolve(projectDir, env.CDKTF_OUTDIR ?? 'cdktf.out');
  return {
    environmentsDir: resolve(projectDir, env.CAMPAIGN_AAM_ENVIRONMENTS ?? 'environments'),
    outdir,
    /** Folders synth deletes and rebuilds: no state or environment file may live in them. */
    outputDirs: [outdir, stagingDirOf(outdir)],
    stackDir: (environment: string) => join(outdir, 'stacks', environment),
  };
}
