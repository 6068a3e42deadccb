import { relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { awsClients } from '../runtime/aws-clients';
import { LookupSetupError } from '../reconcile/lookups/lookup-errors';
import { ConfigError } from '../config/problems';
import { importCommand, runImports } from '../reconcile/recover/import-commands';
import { restrictLocalStateFiles } from '../stacks/local-state-files';
import { formatRecovery } from '../reconcile/recover/format-recovery';
import { findRecovery } from '../reconcile/recover/recovery';
import { isInitializedStack, readState, StateReadError } from '../reconcile/lookups/terraform-state';
import { selectEnvironment } from './select-environment';
import { UsageError } from './usage-error';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run recover -- <environment> [--yes | --print]

After a deploy was interrupted (a killed process, a lost runner): finds the stack's resources that
exist in AWS but not in Terraform state, shows them, and imports them after you confirm (--yes:
without asking, for CI; --print: only print the terraform import commands). Reports a state lock
left behind, with who took it and when, and the force-unlock command; it never unlocks by itself.
Exit code 0 when nothing is left to do, 1 when something needs a person, 2 on a usage error.`;

async function confirmed(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

async function main(args: string[]): Promise<number> {
  const flags = args.slice(1);
  const unknown = flags.filter((f) => f !== '--yes' && f !== '--print');
  if (unknown.length > 0 || (flags.includes('--yes') && flags.includes('--print'))) throw new UsageError(USAGE);
  const { env, paths, projectDir } = await selectEnvironment(args[0], USAGE);

  const stackDir = paths.stackDir(env.name);
  const shownAs = relative(process.cwd(), stackDir) || stackDir;
  if (!isInitializedStack(stackDir)) {
    throw new UsageError(
      `${shownAs} holds no initialized stack: recover works on the stack the interrupted deploy ran (run \`npm run plan -- ${env.name}\` to synthesize and initialize it)`,
    );
  }

  const clients = awsClients(env);
  let recovery;
  try {
    recovery = await findRecovery(env, { dir: stackDir, shownAs }, projectDir, clients, readState(stackDir));
  } finally {
    clients.destroy();
  }
  const needsPerson =
    recovery.keysOutsideState.some((k) => k.createdByInterruptedRun) || recovery.lock?.blocking === true;
  if (flags.includes('--print')) {
    // The report on stderr, the commands alone on stdout: `npm run --silent recover -- x --print > import.sh`.
    process.stderr.write(formatRecovery(env, shownAs, recovery));
    process.stdout.write(recovery.missing.map((r) => `${importCommand(shownAs, r)}\n`).join(''));
    return needsPerson ? 1 : 0;
  }
  process.stdout.write(formatRecovery(env, shownAs, recovery));
  if (recovery.missing.length === 0) return needsPerson ? 1 : 0;
  if (recovery.lock?.blocking === true) {
    console.log('\nNot importing while the lock is held: remove it as shown above, then run recover again.');
    return 1;
  }
  if (!flags.includes('--yes')) {
    if (!process.stdin.isTTY) {
      console.log(
        '\nNot importing: there is no terminal to confirm on. Run again with --yes, or --print for the commands.',
      );
      return 1;
    }
    if (
      !(await confirmed(`\nImport these ${recovery.missing.length} resources into the state of "${env.name}"? [y/N] `))
    ) {
      console.log('Nothing was imported.');
      return 1;
    }
  }

  const results = runImports(stackDir, recovery.missing);
  restrictLocalStateFiles(env, projectDir);
  for (const result of results) console.log(`${result.ok ? '✓' : '✗'} imported ${result.resource.address}`);
  const failed = results.find((r) => !r.ok);
  if (failed !== undefined) {
    console.log(`\nterraform import of ${failed.resource.address} failed:\n${failed.output}`);
    return 1;
  }
  console.log(
    `\nImported ${results.length} resources. Next: \`npm run deploy -- ${env.name}\`, then check that a plan shows no changes.`,
  );
  return needsPerson ? 1 : 0;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, LookupSetupError, StateReadError] });
