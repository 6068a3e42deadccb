import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GitHubApiError, upsertStickyComment } from '../github/sticky-comment';
import { UsageError } from './usage-error';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run sticky-comment -- --body-file <file> [--append-dir <dir>] [--marker <id>] [--pr <number>]

Creates or updates the one pull-request comment that starts with <!-- <id> --> (default id:
campaign-aam-review), so each push updates it instead of adding another. --append-dir adds every
*.md file of <dir> (if it exists), in name order, e.g. the plan-based reviews of each environment.
Reads GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name) and GITHUB_API_URL (default https://api.github.com);
the pull request is --pr, or the one in GITHUB_EVENT_PATH's pull_request event.`;

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new UsageError(`${name} is not set\n\n${USAGE}`);
  return value;
}

function pullRequestNumber(flag: string | undefined): number {
  let value: unknown = flag;
  if (value === undefined && process.env.GITHUB_EVENT_PATH) {
    value = (JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown } })
      .pull_request?.number;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new UsageError(`no pull request number: pass --pr <number> or run on a pull_request event\n\n${USAGE}`);
  }
  return n;
}

/** The main report, then each appended one, separated by a blank line. */
function report(bodyFile: string, appendDir: string | undefined): string {
  const appended =
    appendDir === undefined || !existsSync(appendDir)
      ? []
      : readdirSync(appendDir)
          .filter((f) => f.endsWith('.md'))
          .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
          .map((f) => join(appendDir, f));
  if (!existsSync(bodyFile)) throw new UsageError(`--body-file ${bodyFile} does not exist\n\n${USAGE}`);
  return [bodyFile, ...appended].map((f) => readFileSync(f, 'utf8').trimEnd()).join('\n\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'body-file': { type: 'string' },
      marker: { type: 'string', default: 'campaign-aam-review' },
      pr: { type: 'string' },
      'append-dir': { type: 'string' },
    },
  });
  if (values['body-file'] === undefined) throw new UsageError(USAGE);
  const result = await upsertStickyComment({
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    token: required('GITHUB_TOKEN'),
    repository: required('GITHUB_REPOSITORY'),
    pullRequest: pullRequestNumber(values.pr),
    marker: values.marker,
    body: report(values['body-file'], values['append-dir']),
  });
  const removed = result.removedDuplicates > 0 ? ` (${result.removedDuplicates} duplicate(s) removed)` : '';
  console.log(`${result.action === 'created' ? 'Created' : 'Updated'} the review comment: ${result.url}${removed}`);
  return 0;
}

// A refusal by GitHub is told by its message, but it is not a mistake in the call.
runCommandLine(main, { help: USAGE, failures: [GitHubApiError] });
