import { parseArgs } from 'node:util';
import { ReviewInputError } from '../review/errors';
import type { PlanInput } from '../review/plan/plan-changes';
import { buildReport } from '../review/report';
import { JSON_FORMAT, renderJson } from '../review/render/json';
import { COMMENT_LIMIT, renderMarkdown } from '../review/render/markdown';
import { TITLE } from '../review/render/summary';
import { revisionChanges, WORKING_TREE } from '../review/revision/revision-changes';
import { outputFile, type OutputFile } from '../runtime/output-file';
import { callerPath } from '../runtime/paths';
import { UsageError } from './usage-error';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run --silent review -- --base <revision> [--head <revision>] [options]
       npm run --silent review -- --plan <environment>=<plan.json> [--plan ...] [options]

Reviews every environment's change for a pull request: risks first, the Campaign side in
Campaign's words with the Adobe-side checklist, the handoff documents' changed lines, and the
attribute-level diff of each AWS resource.

  --base <revision>      compare the environments at this git revision (branch, tag, SHA)...
  --head <revision>      ...with this one (default: the ${WORKING_TREE}, uncommitted changes included);
                         no credentials or network needed
  --plan <env>=<file>    or review \`terraform show -json\` plans, one per environment (repeatable)
  --out <file>           write the report there instead of stdout
  --full <file>          also write the uncut report (the Markdown report stays under ${COMMENT_LIMIT.toLocaleString('en')} characters)
  --json                 the same content as JSON (never cut)
  --fail-on-risk         exit 3 when a risk is found or a revision cannot be synthesized

Exit codes: 0 the report was written; 2 bad input; 3 risks found with --fail-on-risk.`;

interface Options {
  readonly base?: string;
  readonly head?: string;
  readonly plans: PlanInput[];
  readonly out?: OutputFile;
  readonly full?: OutputFile;
  readonly json: boolean;
  readonly failOnRisk: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      plan: { type: 'string', multiple: true },
      out: { type: 'string' },
      full: { type: 'string' },
      json: { type: 'boolean' },
      'fail-on-risk': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const plans = (values.plan ?? []).map((spec): PlanInput => {
    const at = spec.indexOf('=');
    if (at <= 0 || at === spec.length - 1) {
      throw new UsageError(`--plan takes <environment>=<plan.json>, got "${spec}"`);
    }
    return { environment: spec.slice(0, at), file: callerPath(spec.slice(at + 1)) };
  });
  if (plans.length > 0 && (values.base !== undefined || values.head !== undefined)) {
    throw new UsageError('review either revisions (--base, --head) or plans (--plan), not both');
  }
  if (plans.length === 0 && values.base === undefined) {
    throw new UsageError(`${values.head === undefined ? 'nothing to review' : '--head needs --base'}\n\n${USAGE}`);
  }
  const out = values.out === undefined ? undefined : reportFile(values.out);
  const full = values.full === undefined ? undefined : reportFile(values.full);
  if (out !== undefined && out.path === full?.path) throw new UsageError('--out and --full name the same file');
  return {
    base: values.base,
    head: values.head,
    plans,
    out,
    full,
    json: values.json === true,
    failOnRisk: values['fail-on-risk'] === true,
  };
}

/** An earlier report: Markdown opens with its title line, JSON names its format. */
const isReport = (start: string) => start.startsWith(`## ${TITLE}`) || start.includes(`"format": "${JSON_FORMAT}"`);

/** Checked before the review runs, written (atomically) after; never over a file that is not a report. */
const reportFile = (given: string) => outputFile(given, 'review report', isReport);

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const projectDir = process.cwd();
  const changes =
    options.plans.length > 0
      ? // Loaded for plan mode only: the plan reader and zod would cost a revision review a tenth of
        // a second of the cores its synths need.
        (await import('../review/plan/plan-changes')).planChanges(projectDir, options.plans)
      : await revisionChanges({ projectDir, base: options.base as string, head: options.head });
  const report = buildReport(changes);
  const text = options.json ? renderJson(report) : renderMarkdown(report, COMMENT_LIMIT);
  if (options.out === undefined) process.stdout.write(text);
  else options.out.write(text);
  options.full?.write(options.json ? text : renderMarkdown(report));
  if (!options.json && text.length > COMMENT_LIMIT) {
    console.error(
      `warning: the report is ${text.length.toLocaleString('en')} characters even with every detail left out: its risks alone exceed GitHub's comment limit`,
    );
  }
  const blocking = report.risks.length > 0 || report.problems.length > 0;
  return options.failOnRisk && blocking ? 3 : 0;
}

runCommandLine(main, { help: USAGE, usage: [ReviewInputError], prefix: 'review: ' });
