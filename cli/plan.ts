import { cdktfBin, toolEnv } from '../deploy/deploy';
import { runCommand } from '../deploy/processes';
import { synthesizeFor } from './synthesize-for';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run plan -- <environment>

Synthesizes every environment, then shows \`cdktf diff <environment>\`: what a deploy would change.
Needs AWS credentials for the environment's account, like deploy (the plan reads the account and
the existing resources); \`npm run local\` needs none.`;

async function main(args: string[]): Promise<number> {
  const synthesized = await synthesizeFor(args[0], USAGE);
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

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = 2;
  },
);
