import { type GitHubConnection, gitHubApi } from './api-client';
import { provenanceNotice } from './report-provenance';
import { readReviewReport } from './review-report';
import { type StickyCommentResult, upsertStickyComment } from './sticky-comment';

export interface PostReviewOptions extends GitHubConnection {
  /** `owner/name`. */
  readonly repository: string;
  /** The folder the report artifact was downloaded to (untrusted data). */
  readonly reportDir: string;
  /** The commit the report's run was for, from GitHub's own event (`workflow_run.head_sha`). */
  readonly headSha: string;
  readonly marker: string;
  readonly author?: string;
}

export type PostReviewResult =
  | {
      readonly posted: true;
      readonly pullRequest: number;
      readonly comment: StickyCommentResult;
      readonly warned: boolean;
    }
  | { readonly posted: false; readonly pullRequest: number; readonly reason: string };

/**
 * Posts a pull request's review report as its sticky comment, from a workflow that holds the write
 * token and runs the default branch's code. The report names its pull request, but only GitHub's
 * word is taken for it: the pull request's head must be the commit the report's run was for
 * (otherwise it is stale, or it names someone else's pull request), and whether the pull request
 * changes the report's own code is read from GitHub, not from the report.
 */
export async function postReviewReport(options: PostReviewOptions): Promise<PostReviewResult> {
  const report = readReviewReport(options.reportDir);
  const api = gitHubApi(options);
  const pull = `/repos/${options.repository}/pulls/${report.pullRequest}`;
  const { head } = await api.json<{ head: { sha: string } }>('GET', pull, `read pull request #${report.pullRequest}`);
  if (head.sha !== options.headSha) {
    return {
      posted: false,
      pullRequest: report.pullRequest,
      reason: `pull request #${report.pullRequest} is at ${head.sha}, not at ${options.headSha} the report was built for: a newer run will post its report`,
    };
  }
  const files = await api.list<{ filename: string }>(
    `${pull}/files?per_page=100`,
    `list the files of pull request #${report.pullRequest}`,
  );
  const notice = provenanceNotice(files.map((f) => f.filename));
  const comment = await upsertStickyComment({
    ...options,
    pullRequest: report.pullRequest,
    body: [...(notice === undefined ? [] : [notice]), ...report.parts].join('\n\n'),
  });
  return { posted: true, pullRequest: report.pullRequest, comment, warned: notice !== undefined };
}
