import { join } from 'node:path';
import type { Plan } from '../review/plan/plan-file';
import { checkConvergence, type Convergence } from './convergence';
import { comparePlan, type Moved } from './plan-fingerprint';
import { withTemporaryFolder } from '../runtime/temporary-folders';
import { type CommandResult, lastLines } from '../runtime/processes';
import { terraform as terraformIn } from '../runtime/terraform';

export interface ExpectedPlanOptions {
  readonly environment: string;
  /** The synthesized output folder, already up to date. */
  readonly outdir: string;
  /** The fingerprint of the plan that was approved (`npm run plan` prints it). */
  readonly expected: string;
}

export type ExpectedPlanResult =
  /** Terraform could not init, plan or show the plan: nothing was applied. */
  | { readonly outcome: 'plan-failed'; readonly output: readonly string[] }
  /** The plan now differs from the approved one: nothing was applied. */
  | { readonly outcome: 'moved'; readonly moved: readonly Moved[] }
  | { readonly outcome: 'applied'; readonly apply: CommandResult; readonly convergence: Convergence };

/**
 * Applies the approved plan and nothing else: plans again, and applies that saved plan only if its
 * fingerprint is the approved one, so a change to state or to the account between the approval
 * and the apply stops the deploy instead of being applied unseen. Terraform applies exactly the
 * saved plan it was fingerprinted from (no third plan), then the convergence check runs as after
 * every deploy. The saved plan lives in an owner-only temporary folder, removed however this ends.
 */
export async function applyExpectedPlan(options: ExpectedPlanOptions): Promise<ExpectedPlanResult> {
  const stackDir = join(options.outdir, 'stacks', options.environment);
  const terraform = (args: string[], inheritOutput = false) => terraformIn(stackDir, args, { inheritOutput });
  return withTemporaryFolder('expect-plan', async (folder) => {
    const planFile = join(folder, 'approved.tfplan');
    const init = await terraform(['init', '-input=false', '-no-color']);
    if (init.status !== 0) return { outcome: 'plan-failed', output: lastLines(init.output) };
    const plan = await terraform(['plan', '-input=false', `-out=${planFile}`], true);
    if (plan.status !== 0)
      return { outcome: 'plan-failed', output: [`terraform plan failed (exit ${plan.status ?? plan.signal})`] };
    const shown = await terraform(['show', '-json', planFile]);
    if (shown.status !== 0) return { outcome: 'plan-failed', output: lastLines(shown.output) };
    const moved = comparePlan(JSON.parse(shown.stdout) as Plan, options.expected);
    if (moved.length > 0) return { outcome: 'moved', moved };
    const apply = await terraform(['apply', '-input=false', planFile], true);
    const convergence = await checkConvergence(stackDir);
    return { outcome: 'applied', apply, convergence };
  });
}
