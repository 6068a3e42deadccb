// First: keeps libraries from loading what synth never uses (see the module).
import '../cdktf-internals/defer-unused-modules';
import { describeNonConvergence } from '../deploy/convergence';
import { deployEnvironment } from '../deploy/deploy';
import { restrictLocalStateFiles } from '../state/local-state-files';
import { parseStackCommandArgs } from './stack-command-args';
import { synthesizeFor } from './synthesize-for';
import { runCommandLine } from './run-command-line';
import { stopCommandsOnSignals } from '../deploy/processes';

const USAGE = `usage: npm run deploy -- <environment> [--auto-approve] [--output <dir>]

Validates every environment, synthesizes this one, runs \`cdktf deploy <environment>\`, then
checks that the deploy converged: a plan in the stack folder must show no changes. If it does not
(for example because Terraform was killed mid-apply, which cdktf reports as success), the command
fails and names every resource still pending with its action. \`--output\` replaces the output
folder (\`cdktf.out\`), as for cdktf.`;

async function main(args: string[]): Promise<number> {
  stopCommandsOnSignals();
  const { environment: name, autoApprove } = parseStackCommandArgs(args, USAGE, { autoApprove: true });
  const synthesized = await synthesizeFor(name);
  if (!synthesized.ok) {
    console.error(synthesized.error);
    return 1;
  }
  const environment = synthesized.result.name;
  const { cdktf, convergence } = await deployEnvironment({
    environment,
    outdir: synthesized.outdir,
    autoApprove,
  }).finally(() => restrictLocalStateFiles(synthesized.result.environment, process.cwd()));
  if (cdktf.status !== 0) console.error(`${environment}: cdktf deploy failed (exit ${cdktf.status ?? cdktf.signal}).`);
  if (!convergence.converged) {
    console.error(describeNonConvergence(environment, convergence, cdktf.status !== 0));
    return 1;
  }
  if (cdktf.status !== 0) return cdktf.status ?? 1;
  console.log(`${environment}: deployed and converged (the plan after apply shows no changes).`);
  return 0;
}

runCommandLine(main);
