import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTemporaryFolder } from '../runtime/temporary-folders';
import { lastLines, type RunOptions } from '../runtime/processes';
import { terraform } from '../runtime/terraform';

/** One change the plan after an apply still wants to make. */
export interface PendingChange {
  /** `create`, `update`, `delete` or `replace`. */
  readonly action: string;
  /** The Terraform address, e.g. `aws_s3_bucket_lifecycle_configuration.integration_receiver_lifecycle_1A2B3C4D`. */
  readonly address: string;
  /** Where it comes from in the app, e.g. `integration/receiver/lifecycle`, when known. */
  readonly constructPath?: string;
}

export type Convergence =
  | { readonly converged: true }
  | { readonly converged: false; readonly pending: readonly PendingChange[] }
  | { readonly converged: false; readonly planFailed: readonly string[] };

interface PlanJson {
  resource_changes?: { address: string; change: { actions: string[] } }[];
  output_changes?: Record<string, { actions: string[] }>;
}

function actionOf(actions: readonly string[]): string | undefined {
  const set = actions.filter((a) => a !== 'no-op' && a !== 'read');
  if (set.length === 0) return undefined;
  return set.includes('create') && set.includes('delete') ? 'replace' : set.join('+');
}

/** `type.name` → construct path, from the `//` metadata cdktf writes beside each resource. */
function constructPaths(stackDir: string): Map<string, string> {
  const paths = new Map<string, string>();
  try {
    const config = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as {
      resource?: Record<string, Record<string, { '//'?: { metadata?: { path?: string } } }>>;
    };
    for (const [type, resources] of Object.entries(config.resource ?? {})) {
      for (const [name, resource] of Object.entries(resources)) {
        const path = resource['//']?.metadata?.path;
        if (path !== undefined) paths.set(`${type}.${name}`, path.split('/').slice(1).join('/'));
      }
    }
  } catch {
    // Addresses alone still name what is pending.
  }
  return paths;
}

/** Reads what a saved plan still wants to change. */
export function pendingChanges(plan: PlanJson, paths: ReadonlyMap<string, string> = new Map()): PendingChange[] {
  const resources = (plan.resource_changes ?? []).flatMap((change): PendingChange[] => {
    const action = actionOf(change.change.actions);
    if (action === undefined) return [];
    const constructPath = paths.get(change.address);
    return [{ action, address: change.address, ...(constructPath === undefined ? {} : { constructPath }) }];
  });
  const outputs = Object.entries(plan.output_changes ?? {}).flatMap(([name, change]): PendingChange[] => {
    const action = actionOf(change.actions);
    return action === undefined ? [] : [{ action, address: `output.${name}` }];
  });
  return [...resources, ...outputs];
}

/**
 * The check after every apply: a fresh plan in the stack folder must show no changes. cdktf-cli 0.21
 * exits 0 even when its Terraform child was killed (it reads only the exit code), so a deploy is
 * done only when this says so. The saved plan is read as JSON to name each pending change, then
 * removed (a plan file holds the state's values, secrets included).
 */
export async function checkConvergence(stackDir: string, options: RunOptions = {}): Promise<Convergence> {
  // Not in the stack folder (often uploaded as a CI artifact): an owner-only folder of its own,
  // removed however the process ends (after a SIGKILL, by the next command's sweep).
  return withTemporaryFolder('convergence', async (folder) => {
    const planFile = join(folder, 'after-apply.tfplan');
    const plan = await terraform(
      stackDir,
      ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${planFile}`],
      options,
    );
    if (plan.status === 0) return { converged: true };
    if (plan.status !== 2) return { converged: false, planFailed: lastLines(plan.output) };
    const shown = await terraform(stackDir, ['show', '-json', planFile], { ...options, logFile: undefined });
    if (shown.status !== 0) return { converged: false, planFailed: lastLines(shown.output) };
    return {
      converged: false,
      pending: pendingChanges(JSON.parse(shown.stdout) as PlanJson, constructPaths(stackDir)),
    };
  });
}

/**
 * The failure, in words: what is pending, why this happens, what to do. `cdktfFailed`: cdktf itself
 * reported a failure (an error, a declined apply, or its own crash when Terraform was killed).
 */
export function describeNonConvergence(
  environment: string,
  result: Exclude<Convergence, { converged: true }>,
  cdktfFailed = false,
): string {
  if ('planFailed' in result) {
    return [
      `${environment}: the plan after apply failed, so the deploy cannot be confirmed:`,
      ...result.planFailed.map((line) => `    ${line}`),
    ].join('\n');
  }
  const width = Math.max(...result.pending.map((p) => p.action.length));
  return [
    `${environment}: NOT converged: the plan after apply still has ${result.pending.length} pending change${result.pending.length === 1 ? '' : 's'}:`,
    ...result.pending.map(
      (p) =>
        `  - ${p.action.padEnd(width)} ${p.address}${p.constructPath === undefined ? '' : ` (${p.constructPath})`}`,
    ),
    cdktfFailed
      ? 'The apply did not finish: cdktf deploy failed (its error is above).'
      : 'The apply stopped part-way (for example, Terraform was killed), although cdktf may have reported success.',
    `Run \`npm run deploy -- ${environment}\` again${cdktfFailed ? ' once the cause is fixed' : ''}; if it fails because resources "already exist", run \`npm run recover -- ${environment}\`.`,
  ].join('\n');
}
