import { parseArgs } from 'node:util';
import { GitHubApiError, gitHubFromEnvironment } from '../integrations/github/api-client';
import { postReviewReport } from '../integrations/github/post-review';
import { ReviewReportError } from '../integrations/github/review-report';
import { ACTIONS_BOT } from '../integrations/github/sticky-comment';
import { UsageError } from './usage-error';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run sticky-comment -- --report-dir <dir> --head-sha <sha> [--marker <id>] [--author <login>]

Posts a pull request's review report (the artifact the pull-request workflow's read-only jobs
build: pull-request, review.md, plan-<n>-<environment>.md) as the one comment that starts with
<!-- <id> --> (default id: campaign-aam-review), created once and edited on every later run.
The report is untrusted data: regular files with known names and bounded sizes, each part opened
by <!-- campaign-aam-report -->. It is posted only if the pull request it names is at --head-sha
(the commit its run was for: github.event.workflow_run.head_sha); a comment that changes the
report's own code (review/, policy/, config/, .github/, package.json, package-lock.json) is
opened by a warning saying so. Only comments by --author (default ${ACTIONS_BOT}, the
GITHUB_TOKEN's bot) are ever edited.
Reads GITHUB_TOKEN, GITHUB_REPOSITORY (owner/name) and GITHUB_API_URL (default https://api.github.com).`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'report-dir': { type: 'string' },
      'head-sha': { type: 'string' },
      marker: { type: 'string', default: 'campaign-aam-review' },
      author: { type: 'string', default: ACTIONS_BOT },
    },
  });
  const reportDir = values['report-dir'];
  const headSha = values['head-sha'];
  if (reportDir === undefined || headSha === undefined) {
    throw new UsageError(`--report-dir and --head-sha are required\n\n${USAGE}`);
  }
  if (!/^[0-9a-f]{40}$/.test(headSha)) throw new UsageError(`--head-sha must be a full commit SHA, not "${headSha}"`);
  const result = await postReviewReport({
    ...gitHubFromEnvironment(),
    reportDir,
    headSha,
    marker: values.marker,
    author: values.author,
  });
  if (!result.posted) {
    console.log(`Not posted: ${result.reason}.`);
    return 0;
  }
  const { comment } = result;
  const removed = comment.removedDuplicates > 0 ? ` (${comment.removedDuplicates} duplicate(s) removed)` : '';
  const warned = result.warned ? '; it warns that the pull request changes the code that produced it' : '';
  console.log(
    `${comment.action === 'created' ? 'Created' : 'Updated'} the review comment of #${result.pullRequest}: ${comment.url}${removed}${warned}`,
  );
  return 0;
}

// A refusal by GitHub, or of the report, is told by its message, but it is not a mistake in the call.
runCommandLine(main, { help: USAGE, failures: [GitHubApiError, ReviewReportError] });
