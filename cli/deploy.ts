// First: keeps libraries from loading what synth never uses (see the module).
import '../cdktf-internals/defer-unused-modules';
import { describeNonConvergence } from '../deploy/convergence';
import { deployEnvironment } from '../deploy/deploy';
import { applyExpectedPlan } from '../deploy/expect-plan';
import { checkFingerprint, describeMoved, FingerprintError } from '../deploy/plan-fingerprint';
import { restrictLocalStateFiles } from '../stacks/local-state-files';
import { parseStackCommandArgs } from './stack-command-args';
import { synthesizeFor } from './synthesize-for';
import { runCommandLine } from './run-command-line';
import { stopCommandsOnSignals } from '../runtime/processes';

const USAGE = `usage: npm run deploy -- <environment> [--auto-approve | --expect-plan <fingerprint>] [--output <dir>]

Validates every environment, synthesizes this one, runs \`cdktf deploy <environment>\`, then
checks that the deploy converged: a plan in the stack folder must show no changes. If it does not
(for example because Terraform was killed mid-apply, which cdktf reports as success), the command
fails and names every resource still pending with its action.
--expect-plan <fingerprint> applies the approved plan and nothing else: it plans again, and applies
that saved plan (without asking: the approval was of the fingerprint) only if its fingerprint is
the one \`npm run plan\` printed; otherwise it applies nothing, names every change that moved, and
exits 1. \`--output\` replaces the output folder (\`cdktf.out\`), as for cdktf.`;

async function main(args: string[]): Promise<number> {
  stopCommandsOnSignals();
  const parsed = parseStackCommandArgs(args, USAGE, { autoApprove: true, expectPlan: true });
  if (parsed.expectPlan !== undefined) checkFingerprint(parsed.expectPlan);
  const synthesized = await synthesizeFor(parsed.environment);
  if (!synthesized.ok) {
    console.error(synthesized.error);
    return 1;
  }
  const environment = synthesized.result.name;
  const restrictState = () => restrictLocalStateFiles(synthesized.result.environment, process.cwd());

  if (parsed.expectPlan !== undefined) {
    const result = await applyExpectedPlan({
      environment,
      outdir: synthesized.outdir,
      expected: parsed.expectPlan,
    }).finally(restrictState);
    if (result.outcome === 'plan-failed') {
      console.error(
        [`${environment}: the plan failed, so nothing was applied:`, ...result.output.map((l) => `    ${l}`)].join(
          '\n',
        ),
      );
      return 1;
    }
    if (result.outcome === 'moved') {
      console.error(describeMoved(environment, result.moved));
      return 1;
    }
    const applyFailed = result.apply.status !== 0;
    if (applyFailed)
      console.error(`${environment}: terraform apply failed (exit ${result.apply.status ?? result.apply.signal}).`);
    if (!result.convergence.converged) {
      console.error(describeNonConvergence(environment, result.convergence, applyFailed));
      return 1;
    }
    if (applyFailed) return result.apply.status ?? 1;
    console.log(`${environment}: applied the approved plan (${parsed.expectPlan}) and converged.`);
    return 0;
  }

  const { cdktf, convergence } = await deployEnvironment({
    environment,
    outdir: synthesized.outdir,
    autoApprove: parsed.autoApprove,
  }).finally(restrictState);
  if (cdktf.status !== 0) console.error(`${environment}: cdktf deploy failed (exit ${cdktf.status ?? cdktf.signal}).`);
  if (!convergence.converged) {
    console.error(describeNonConvergence(environment, convergence, cdktf.status !== 0));
    return 1;
  }
  if (cdktf.status !== 0) return cdktf.status ?? 1;
  console.log(`${environment}: deployed and converged (the plan after apply shows no changes).`);
  return 0;
}

runCommandLine(main, { help: USAGE, usage: [FingerprintError] });
