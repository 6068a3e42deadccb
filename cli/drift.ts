// First: keeps libraries from loading what synth never uses (see the module).
import '../cdktf-internals/defer-unused-modules';
import { parseArgs } from 'node:util';
import { stopCommandsOnSignals } from '../runtime/processes';
import { checkDrift } from '../reconcile/drift/check-drift';
import { exitCode, type DriftResult } from '../reconcile/drift/drift-result';
import { aamCheck, isAamExitCode } from '../reconcile/drift/aam-check';
import { DEFAULT_KEY_UNUSED_DAYS } from '../reconcile/drift/live-checks';
import { isDriftReport, renderEnvironment, renderJson, renderSummary } from '../reconcile/drift/render';
import { outputFile } from '../runtime/output-file';
import { synthesizeProject } from '../synth/synthesize-project';
import { StackSelectionError } from '../synth/stack-selection';
import { StatusLine } from './progress';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run drift -- [<environment>...] [--json] [--out <file>] [--key-unused-days <days>]

Finds what changed outside Terraform in each environment (all of them when none is named): a plan
per environment, without the state lock and without writing anything, read like the review reads
plans (drift, and changes declared but not deployed, each with its risks), then live checks: when
Campaign last used the active access key, and whether the tracking records are in Route53 and
resolve as declared.
Needs read-only AWS credentials for each environment's account (see docs/drift.md).

  --json                  the results as JSON on stdout (format campaign-aam-drift/1)
  --out <file>            also write the Markdown report to <file> (the drift workflow's issue body)
  --key-unused-days <n>   report the active key when Campaign has not used it for more than n
                          days (default ${DEFAULT_KEY_UNUSED_DAYS})
  --aam-status <code>     the exit code of \`npm run check-aam -- <environment>\` (0 ok, 1 mismatch,
                          2 error), reported as a live check; one environment only

Exit codes: 0 clean, 1 drift, pending changes or a live check to look at, 2 when something could
not be checked (or a usage error).`;

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      out: { type: 'string' },
      'key-unused-days': { type: 'string' },
      'aam-status': { type: 'string' },
    },
  });
  const days = values['key-unused-days'] ?? String(DEFAULT_KEY_UNUSED_DAYS);
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1) {
    throw new UsageError(`--key-unused-days must be a whole number of days from 1 to 9999, not "${days}"\n\n${USAGE}`);
  }
  const aam = values['aam-status'];
  if (aam !== undefined && !isAamExitCode(aam)) {
    throw new UsageError(`--aam-status is check-aam's exit code, 0, 1 or 2, not "${aam}"\n\n${USAGE}`);
  }
  if (aam !== undefined && positionals.length !== 1) {
    throw new UsageError(`--aam-status belongs to one environment: name exactly one\n\n${USAGE}`);
  }
  return {
    aamStatus: aam,
    json: values.json === true,
    // Checked before any plan runs: a new file, or a report an earlier run wrote; never anything else.
    out: values.out === undefined ? undefined : outputFile(values.out, 'drift report', isDriftReport),
    keyUnusedDays: Number(days),
    names: positionals,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  stopCommandsOnSignals();
  const projectDir = process.cwd();
  const status = new StatusLine();
  status.set('drift: validating every environment, synthesizing');
  const synthesis = await synthesizeProject(projectDir, {
    ...(args.names.length > 0 ? { stacks: args.names } : {}),
    // Nothing outside the output folder is written: no local state file is created or touched.
    forTerraform: false,
    onWait: (message) => (status.clear(), console.error(message)),
  }).catch((error: unknown) => {
    throw error instanceof StackSelectionError ? new UsageError(`${error.message}\n\n${USAGE}`) : error;
  });
  status.clear();
  if (!synthesis.ok) {
    console.error(synthesis.error);
    return 2;
  }
  const results: DriftResult[] = [];
  for (const synthesized of synthesis.results) {
    status.set(`drift: planning ${synthesized.name} (read-only, no lock)`);
    const result = await checkDrift(synthesized, { projectDir, keyUnusedDays: args.keyUnusedDays });
    results.push(
      args.aamStatus === undefined ? result : { ...result, checks: [...result.checks, aamCheck(args.aamStatus)] },
    );
    status.clear();
  }
  const reports = results.map(renderEnvironment).join('\n');
  args.out?.write(reports);
  console.log(args.json ? renderJson(results).trimEnd() : `${renderSummary(results)}\n\n${reports}`.trimEnd());
  return exitCode(results);
}

runCommandLine(main, { help: USAGE });
