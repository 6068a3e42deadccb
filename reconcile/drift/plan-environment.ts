import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTemporaryFolder } from '../../runtime/temporary-folders';
import { lastLines, type RunOptions } from '../../runtime/processes';
import { terraform as terraformIn } from '../../runtime/terraform';
import { planChanges, type EnvironmentChanges } from '../../review';

export type PlannedEnvironment =
  | { readonly ok: true; readonly changes: EnvironmentChanges }
  | { readonly ok: false; readonly error: string };

/**
 * Terraform's plan of one synthesized stack, read by the review. Read-only by construction: `init`
 * and `plan` run with `-lock=false` (a read-only role cannot write a lock, and a cancelled run must
 * never leave one behind), a plan never writes state, and the saved plan and its JSON (prior state,
 * secrets included) live in an owner-only temporary folder removed right after. A full plan, not
 * `-refresh-only`: it gives both the drift (`resource_drift`) and what a deploy would change.
 */
export async function planEnvironment(
  projectDir: string,
  environment: string,
  stackDir: string,
  options: RunOptions,
): Promise<PlannedEnvironment> {
  const terraform = (args: string[]) => terraformIn(stackDir, args, options);
  const init = await terraform(['init', '-input=false', '-no-color', '-lock=false']);
  if (init.status !== 0) return { ok: false, error: failed('terraform init', init.output) };
  return withTemporaryFolder('drift', async (folder) => {
    const planFile = join(folder, 'drift.tfplan');
    const plan = await terraform([
      'plan',
      '-input=false',
      '-no-color',
      '-lock=false',
      '-detailed-exitcode',
      `-out=${planFile}`,
    ]);
    if (plan.status !== 0 && plan.status !== 2) return { ok: false, error: failed('terraform plan', plan.output) };
    const shown = await terraform(['show', '-json', planFile]);
    if (shown.status !== 0) return { ok: false, error: failed('terraform show -json', shown.output) };
    const json = join(folder, 'drift.json');
    writeFileSync(json, shown.stdout, { mode: 0o600 });
    const [changes] = planChanges(projectDir, [{ environment, file: json }]).environments;
    return { ok: true, changes };
  });
}

const failed = (what: string, output: string) =>
  [`${what} failed:`, ...lastLines(output).map((l) => `    ${l}`)].join('\n');
