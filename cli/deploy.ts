import { describeNonConvergence } from '../deploy/convergence';
import { deployEnvironment } from '../deploy/deploy';
import { restrictLocalStateFiles } from '../state/local-state-files';
import { synthesizeFor } from './synthesize-for';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run deploy -- <environment> [--auto-approve]

Synthesizes every environment, runs \`cdktf deploy <environment>\`, then checks that the deploy
converged: a plan in the stack folder must show no changes. If it does not (for example because
Terraform was killed mid-apply, which cdktf reports as success), the command fails and names every
resource still pending with its action.`;

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--auto-approve');
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}\n\n${USAGE}`);
  const name = args.find((a) => !a.startsWith('-'));
  const synthesized = await synthesizeFor(name, USAGE);
  if (!synthesized.ok) {
    console.error(synthesized.error);
    return 1;
  }
  const environment = synthesized.result.name;
  const { cdktf, convergence } = await deployEnvironment({
    environment,
    outdir: synthesized.outdir,
    autoApprove: args.includes('--auto-approve'),
  }).finally(() => restrictLocalStateFiles(synthesized.result.environment, process.cwd()));
  if (cdktf.status !== 0) console.error(`${environment}: cdktf deploy failed (exit ${cdktf.status ?? cdktf.signal}).`);
  if (!convergence.converged) {
    console.error(describeNonConvergence(environment, convergence));
    return 1;
  }
  if (cdktf.status !== 0) return cdktf.status ?? 1;
  console.log(`${environment}: deployed and converged (the plan after apply shows no changes).`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = 2;
  },
);
