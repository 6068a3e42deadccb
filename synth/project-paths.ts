import { join, resolve } from 'node:path';

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
