import { join } from 'node:path';
import { coreCli } from '../cdktf-internals/core-cli';
import { projectRoot } from '../runtime/project-paths';
import { checkConvergence, type Convergence } from './convergence';
import { type CommandResult, runCommand } from '../runtime/processes';
import { toolEnv } from '../runtime/terraform';

export interface DeployOptions {
  /** The environment (stack) name. */
  readonly environment: string;
  /** The synthesized output folder (`cdktf.out`), already up to date: cdktf runs with `--skip-synth`. */
  readonly outdir: string;
  readonly autoApprove: boolean;
  /** Append all output here instead of showing it on the terminal. */
  readonly logFile?: string;
}

export interface DeployResult {
  /** What `cdktf deploy` did; its exit code alone proves nothing (see `checkConvergence`). */
  readonly cdktf: CommandResult;
  readonly convergence: Convergence;
}

export const cdktfBin = () => coreCli(projectRoot()).bin;

/**
 * `cdktf deploy <environment>` of an already synthesized stack, then ALWAYS the convergence check:
 * a plan in the stack folder that must show no changes, because cdktf-cli 0.21 reports success even
 * when its Terraform child was killed mid-apply.
 */
export async function deployEnvironment(options: DeployOptions): Promise<DeployResult> {
  const run = { env: toolEnv(), logFile: options.logFile, inheritOutput: options.logFile === undefined };
  const cdktf = await runCommand(
    cdktfBin(),
    [
      'deploy',
      options.environment,
      '--skip-synth',
      '--skip-provider-lock',
      '--output',
      options.outdir,
      ...(options.autoApprove ? ['--auto-approve'] : []),
      // A log file is read later, not on a terminal: plain text.
      ...(options.logFile === undefined ? [] : ['--no-color']),
    ],
    run,
  );
  const convergence = await checkConvergence(join(options.outdir, 'stacks', options.environment), {
    env: run.env,
    logFile: options.logFile,
  });
  return { cdktf, convergence };
}
