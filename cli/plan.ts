// First: keeps libraries from loading what synth never uses (see the module).
import '../cdktf-internals/defer-unused-modules';
import { cdktfBin, toolEnv } from '../deploy/deploy';
import { runCommand, stopCommandsOnSignals } from '../deploy/processes';
import { parseStackCommandArgs } from './stack-command-args';
import { synthesizeFor } from './synthesize-for';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run plan -- <environment> [--output <dir>]

Validates every environment, synthesizes this one, then shows \`cdktf diff <environment>\`: what a
deploy would change.
Needs AWS credentials for the environment's account, like deploy (the plan reads the account and
the existing resources); \`npm run local\` needs none. \`--output\` replaces the output folder
(\`cdktf.out\`), as for cdktf.`;

async function main(args: string[]): Promise<number> {
  stopCommandsOnSignals();
  const { environment } = parseStackCommandArgs(args, USAGE, { autoApprove: false });
  const synthesized = await synthesizeFor(environment);
  if (!synthesized.ok) {
    console.error(synthesized.error);
    return 1;
  }
  const diff = await runCommand(
    cdktfBin(),
    ['diff', synthesized.result.name, '--skip-synth', '--skip-provider-lock', '--output', synthesized.outdir],
    { env: toolEnv(), inheritOutput: true },
  );
  return diff.status ?? 1;
}

runCommandLine(main);
