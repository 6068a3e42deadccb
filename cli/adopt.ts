import { adoptionReport } from '../reconcile/adopt/adoption-report';
import { formatAdoptionReport } from '../reconcile/adopt/format-report';
import { awsClients } from '../runtime/aws-clients';
import { LookupSetupError } from '../reconcile/lookups/lookup-errors';
import { isInitializedStack, readState, StateReadError } from '../reconcile/lookups/terraform-state';
import { ConfigError } from '../config/problems';
import { selectEnvironment } from './select-environment';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run adopt -- <environment>

Looks at the AWS account (read only, with the credentials \`npm run plan\` uses) for everything the
environment file declares: what exists, what the first plan would change on it, what a hand-made
set-up leaves behind, and the "adopt" section that takes it over. Exit code 0 when the file as it
is plans cleanly, 1 when the first plan or apply would fail, 2 on a usage or credentials error.`;

async function main(args: string[]): Promise<number> {
  if (args.length > 1) throw new UsageError(`one environment, and nothing else (got ${args.join(' ')})\n\n${USAGE}`);
  const { env, paths, projectDir } = await selectEnvironment(args[0], USAGE);
  const stackDir = paths.stackDir(env.name);
  // Once deployed, what is in state is the stack's own, not something to adopt.
  const state = isInitializedStack(stackDir) ? readState(stackDir) : undefined;
  const clients = awsClients(env);
  try {
    const report = await adoptionReport(env, clients, projectDir, state);
    process.stdout.write(formatAdoptionReport(report));
    return report.current.problems.length === 0 ? 0 : 1;
  } finally {
    clients.destroy();
  }
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, LookupSetupError, StateReadError] });
