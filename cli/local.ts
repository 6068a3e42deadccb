import { ConfigError } from '../config/problems';
import { stopAllCommands } from '../runtime/processes';
import { LocalRun, StepFailure } from '../deploy/local-run/local-run';
import { PythonToolsError } from '../emulator/python-venv';
import { EMULATOR_CREDENTIALS } from '../runtime/emulator-environment';
import { projectPaths } from '../runtime/project-paths';
import { seconds, StatusLine } from './progress';
import { runCommandLine } from './run-command-line';
import { selectEnvironment } from './select-environment';

const USAGE = `usage: npm run local [-- <environment>] [--keep]

Deploys an emulator copy of an example environment (default: dev) to a local AWS emulator (moto,
installed into .venv on first use), checks it with the issued key like \`npm run verify\`, prints
its outputs and documents, then destroys it and stops the emulator. No AWS account needed.
  --keep   leave the emulator and the stack up to look around; Ctrl-C cleans up.`;

const STEPS = 6;
const status = new StatusLine();
let current: string | undefined;
/** Set once Ctrl-C (or SIGTERM) arrived: the signal handler cleans up and reports from then on. */
let stopping = false;

/** Runs one numbered step: a live timer on a terminal, then one line with its duration. */
async function step<T>(index: number, title: string, run: () => Promise<T>, detail: (value: T) => string): Promise<T> {
  const started = Date.now();
  current = `${index}/${STEPS} ${title}`;
  status.tick(() => `… ${current} (${Math.round((Date.now() - started) / 1000)} s)`);
  try {
    const value = await run();
    status.clear();
    console.log(`✓ ${index}/${STEPS} ${title}: ${detail(value)} (${seconds(Date.now() - started)})`);
    return value;
  } catch (error) {
    status.clear();
    if (!stopping) console.log(`✗ ${index}/${STEPS} ${title}: FAILED after ${seconds(Date.now() - started)}`);
    throw error;
  }
}

function printOutputs(run: LocalRun, { outputs, documents }: ReturnType<LocalRun['outputs']>): void {
  const width = Math.max(...outputs.map(([name]) => name.length));
  console.log('Outputs (sensitive ones withheld):');
  for (const [name, value] of outputs) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log('Generated for this copy:');
  for (const document of documents) console.log(`  ${document}`);
  console.log(
    [
      'Next, with a real AWS account:',
      `  1. Make environments/${run.environment}.json yours: your account (aws.accountId), hosted zone, bucket name and Adobe's values.`,
      `  2. npm run plan -- ${run.environment}      (needs AWS credentials for that account)`,
      `  3. npm run deploy -- ${run.environment}    (fails unless the plan after apply is clean)`,
      `  4. npm run verify -- ${run.environment}, then send the request email and follow the setup sheet.`,
    ].join('\n'),
  );
}

function printKeep(run: LocalRun): void {
  const endpoint = run.endpoint!;
  console.log(
    [
      `Emulator and stack left up (--keep): ${endpoint}`,
      'Look around:',
      `  AWS_ACCESS_KEY_ID=${EMULATOR_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${EMULATOR_CREDENTIALS.secretAccessKey} aws --endpoint-url ${endpoint} s3 ls`,
      `  terraform -chdir=${run.shown(run.stackDir)} output`,
      'Press Ctrl-C to stop the emulator and remove the local state.',
    ].join('\n'),
  );
}

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--keep');
  const names = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || names.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const keep = args.includes('--keep');
  // The name picks a folder in .cache/local that is replaced: it must be an environment's, checked
  // (with every file validated) before anything is touched.
  const { env } = await selectEnvironment(names[0] ?? 'dev', USAGE);
  const run = new LocalRun(env.name, projectPaths(process.cwd()).environmentsDir);

  const interrupted = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    status.clear();
    console.log(
      keep && current === undefined
        ? `${signal}: stopping the emulator`
        : `${signal} during ${current ?? 'start-up'}: stopping Terraform and the emulator`,
    );
    void stopAllCommands()
      .then(() => run.stopEmulator())
      .then(() => run.removeState())
      .finally(() => {
        console.log(`Stopped. Log: ${run.shown(run.logFile)}`);
        process.exit(keep && current === undefined ? 0 : 130);
      });
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);

  try {
    await step(
      1,
      'start the AWS emulator',
      () => run.startEmulator((message) => (status.clear(), console.log(message))),
      (d) => d,
    );
    const derived = await step(
      2,
      `derive an emulator copy of ${run.environment}`,
      () => run.deriveCopy(),
      (d) => d.detail,
    );
    for (const note of derived.notes) console.log(`    ${note}`);
    await step(
      3,
      'deploy (cdktf deploy, then a plan that must be empty)',
      () => run.deploy(),
      (d) => d,
    );
    await step(
      4,
      'connection check with the issued key',
      () => run.checkConnection(),
      (d) => d,
    );
    const shown = await step(
      5,
      'outputs and documents',
      async () => run.outputs(),
      (o) => `${o.outputs.length} non-sensitive outputs, ${o.documents.length} documents`,
    );
    printOutputs(run, shown);
    if (keep) {
      current = undefined;
      printKeep(run);
      await new Promise(() => setInterval(() => undefined, 60_000)); // until Ctrl-C: the signal handler exits
    }
    await step(
      6,
      'destroy and stop the emulator',
      async () => {
        const destroyed = await run.destroy();
        await run.stopEmulator();
        return destroyed;
      },
      (d) => `${d}; emulator stopped`,
    );
    console.log(`Done. Log: ${run.shown(run.logFile)}`);
    return 0;
  } catch (error) {
    if (stopping) return new Promise(() => undefined); // the signal handler finishes
    if (error instanceof StepFailure) {
      console.log(`  ${error.message}`);
      for (const line of error.lines) console.log(`    ${line}`);
    } else if (error instanceof ConfigError || error instanceof PythonToolsError) {
      console.log(error.message);
    } else {
      console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    console.log(`Full log: ${run.shown(run.logFile)}`);
    await stopAllCommands();
    await run.stopEmulator();
    run.removeState();
    console.log('The emulator was stopped.');
    return 1;
  }
}

runCommandLine(main, { help: USAGE, failures: [ConfigError] });
