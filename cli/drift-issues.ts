import { parseArgs } from 'node:util';
import { loadEnvironments } from '../config/load';
import { unknownEnvironment } from '../config/environment-files';
import { ConfigError } from '../config/problems';
import { STATUS_WORDS, summaryTable } from '../reconcile/drift/render';
import { PublishedResultError, readPublishedResult, type PublishedResult } from '../reconcile/drift/published-result';
import { syncDriftIssue } from '../integrations/github/drift-issues';
import { GitHubApiError, gitHubFromEnvironment } from '../integrations/github/api-client';
import { projectPaths } from '../runtime/project-paths';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';
import { variable, VARIABLES } from '../runtime/environment-variables';

const USAGE = `usage: npm run --silent drift-issues -- --results <dir> <environment>... [--dry-run]

For the drift workflow's last job: reads each environment's drift result from <dir>
(<environment>.json and <environment>.md, from \`npm run drift -- <environment> --json --out ...\`),
opens or updates one GitHub issue per environment with drift, closes it with a comment once the
environment is clean, and prints a summary of all environments (Markdown, for the job summary).
--dry-run prints the summary only. Reads GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name),
GITHUB_API_URL (default https://api.github.com), and GITHUB_SERVER_URL/GITHUB_RUN_ID to link the run.`;

type Outcome = { readonly environment: string } & (
  | { readonly result: PublishedResult; readonly issue?: string }
  | { readonly problem: string }
);

function summaryRow(o: Outcome): [string, string, string] {
  if ('problem' in o) return [o.environment, 'no result', o.problem];
  return [
    o.environment,
    STATUS_WORDS[o.result.status],
    `${o.result.summary}${o.issue === undefined ? '' : ` (${o.issue})`}`,
  ];
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { results: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  if (values.results === undefined || positionals.length === 0) throw new UsageError(USAGE);
  const cwd = process.cwd();
  const paths = projectPaths(cwd);
  const known = (
    await loadEnvironments({ projectDir: cwd, environmentsDir: paths.environmentsDir, outputDirs: paths.outputDirs })
  ).map((e) => e.name);
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`${unknownEnvironment(unknown, known)}\n\n${USAGE}`);

  const [server, repository, runId] = [
    VARIABLES.github.serverUrl,
    VARIABLES.github.repository,
    VARIABLES.github.runId,
  ].map((name) => variable(name));
  const run = server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
  const github = values['dry-run'] === true ? undefined : gitHubFromEnvironment();

  const outcomes: Outcome[] = [];
  let failed = false;
  for (const environment of positionals) {
    let result: PublishedResult;
    try {
      result = readPublishedResult(values.results, environment);
    } catch (error) {
      if (!(error instanceof PublishedResultError)) throw error;
      outcomes.push({ environment, problem: error.message });
      failed = true;
      continue;
    }
    if (result.status === 'error') failed = true;
    if (github === undefined) {
      outcomes.push({ environment, result });
      continue;
    }
    const synced = await syncDriftIssue({
      ...github,
      environment,
      status: result.status,
      title: `Drift in ${environment}: ${result.summary}`,
      body: `${result.report.trimEnd()}\n\n_Found by the drift workflow${run === undefined ? '' : ` ([run](${run}))`}; this issue is updated on every run and closed once \`${environment}\` is clean._`,
      closingNote: run === undefined ? undefined : `Checked by [this run](${run}).`,
    });
    const issue =
      synced.number === undefined
        ? undefined
        : `${synced.action === 'none' ? '' : `${synced.action} `}#${synced.number}`;
    outcomes.push({ environment, result, ...(issue === undefined ? {} : { issue }) });
  }

  console.log(
    [
      '## Drift check of every environment',
      '',
      summaryTable(outcomes.map(summaryRow)),
      '',
      ...outcomes.flatMap((o) => ('result' in o && o.result.status !== 'clean' ? [o.result.report.trimEnd(), ''] : [])),
    ].join('\n'),
  );
  return failed ? 1 : 0;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError], failures: [GitHubApiError] });
