// First: keeps libraries from loading what synth never uses (see the module).
import '../cdktf-internals/defer-unused-modules';
import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cdktfBin } from '../deploy/deploy';
import { planFingerprint } from '../deploy/plan-fingerprint';
import { planJsonFile, PlanJsonLocationError } from '../deploy/plan-json-file';
import { lastLines, runCommand, stopCommandsOnSignals } from '../runtime/processes';
import { terraform, toolEnv } from '../runtime/terraform';
import type { Plan } from '../review/plan/plan-file';
import { parseStackCommandArgs } from './stack-command-args';
import { synthesizeFor } from './synthesize-for';
import { runCommandLine } from './run-command-line';
import { variable, VARIABLES } from '../runtime/environment-variables';

const USAGE = `usage: npm run plan -- <environment> [--json-plan <file>] [--output <dir>]

Validates every environment, synthesizes this one, then shows \`cdktf diff <environment>\`: what a
deploy would change, and ends with the plan's fingerprint (also appended to $GITHUB_OUTPUT as
fingerprint=<value> when that is set): \`npm run deploy -- <environment> --expect-plan <fingerprint>\`
applies that plan and nothing else. The fingerprint holds no value, only digests of the changes.
The saved plan holds state, secrets included: it is written owner-only and removed at the end.
--json-plan <file> also writes the plan as JSON (for \`npm run review -- --plan\`), readable by its
owner only: a new file or an earlier plan JSON, outside the project or ignored by git (*.plan.json is).
Needs AWS credentials for the environment's account, like deploy (the plan reads the account and
the existing resources); \`npm run local\` needs none. \`--output\` replaces the output folder
(\`cdktf.out\`), as for cdktf.`;

async function main(args: string[]): Promise<number> {
  stopCommandsOnSignals();
  const { environment, jsonPlan } = parseStackCommandArgs(args, USAGE, { jsonPlan: true });
  const jsonFile = jsonPlan === undefined ? undefined : planJsonFile(process.cwd(), jsonPlan);
  const synthesized = await synthesizeFor(environment);
  if (!synthesized.ok) {
    console.error(synthesized.error);
    return 1;
  }
  const name = synthesized.result.name;
  // cdktf diff saves the plan as `plan` in the stack folder (owner-only, as every file our
  // children create): removed below.
  const stackDir = join(synthesized.outdir, 'stacks', name);
  const planFile = join(stackDir, 'plan');
  const removePlan = () => rmSync(planFile, { force: true });
  // Ctrl-C or a CI cancellation ends the process without reaching `finally`.
  process.once('exit', removePlan);
  try {
    const diff = await runCommand(
      cdktfBin(),
      ['diff', name, '--skip-synth', '--skip-provider-lock', '--output', synthesized.outdir],
      { env: toolEnv(), inheritOutput: true },
    );
    if (diff.status !== 0 || !existsSync(planFile)) return diff.status ?? 1;
    const shown = await terraform(stackDir, ['show', '-json', 'plan']);
    if (shown.status !== 0) {
      console.error([`${name}: cannot read the saved plan:`, ...lastLines(shown.output)].join('\n'));
      return 1;
    }
    jsonFile?.write(shown.stdout);
    const fingerprint = planFingerprint(JSON.parse(shown.stdout) as Plan);
    console.log(`\n${name}: plan fingerprint ${fingerprint}`);
    console.log(`To apply this plan and nothing else: npm run deploy -- ${name} --expect-plan ${fingerprint}`);
    const output = variable(VARIABLES.github.output);
    if (output !== undefined) appendFileSync(output, `fingerprint=${fingerprint}\n`);
    return 0;
  } finally {
    removePlan();
  }
}

runCommandLine(main, { help: USAGE, usage: [PlanJsonLocationError] });
