import { join } from 'node:path';
import { PROJECT_DIR, run, type RunResult } from './run';
import { terraformEnv } from '../../runtime/terraform';
import { coreCli } from '../../cdktf-internals/core-cli';

/**
 * Runs the real CLI of the installed core (`cdktf <command> <environment>`, or `cdktn ...`) on the environments in `work/environments`,
 * writing to `work/cdktf.out`, offline-capable like everything else in the suite.
 */
export function cdktf(work: string, command: string, environment: string, extra: string[] = []): RunResult {
  const { command: cli, args, env } = cdktfInvocation(work, command, environment, extra);
  return run(cli, args, { env });
}

/** The command, arguments and environment of a cdktf command, e.g. to start it in the background. */
export function cdktfInvocation(work: string, command: string, environment: string, extra: string[] = []) {
  return {
    command: coreCli(PROJECT_DIR).bin,
    args: [command, environment, '--skip-provider-lock', '--output', join(work, 'cdktf.out'), ...extra],
    env: { ...terraformEnv(), CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments') },
  };
}

/** `npm run verify -- <environment>` on the same folders. */
export function verify(work: string, environment: string, env: Record<string, string> = {}): RunResult {
  return run('npm', ['run', '--silent', 'verify', '--', environment], {
    env: {
      ...terraformEnv(),
      CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments'),
      CDKTF_OUTDIR: join(work, 'cdktf.out'),
      ...env,
    },
  });
}

/** `npm run <command> -- <environment> [args]` (plan, adopt, recover) on the same folders. */
export function projectCommand(
  work: string,
  command: 'plan' | 'adopt' | 'recover',
  environment: string,
  args: string[] = [],
  env: Record<string, string> = {},
): RunResult {
  return run('npm', ['run', '--silent', command, '--', environment, ...args], {
    env: {
      ...terraformEnv(),
      CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments'),
      CDKTF_OUTDIR: join(work, 'cdktf.out'),
      ...env,
    },
  });
}
