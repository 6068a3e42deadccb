import { byBot, GitHubApiError, markerLine, restClient, type GitHubUser } from './rest';

export { GitHubApiError, markerLine };

/**
 * One pull-request comment that a CI job keeps up to date: found by a hidden marker on its first
 * line, created on the first run, edited on every later one, so a pull request never collects a
 * second copy. Talks to GitHub's REST API with `fetch` (base URL from `GITHUB_API_URL`, so GitHub
 * Enterprise Server works too).
 */
export interface StickyCommentOptions {
  /** `https://api.github.com`, or the server's API URL (`GITHUB_API_URL` in Actions). */
  readonly apiUrl: string;
  readonly token: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly pullRequest: number;
  /** Identifies this comment among all others: `<!-- <marker> -->` leads its body. */
  readonly marker: string;
  readonly body: string;
}

export interface StickyCommentResult {
  readonly action: 'created' | 'updated';
  readonly url: string;
  /** Older copies found with the same marker (say from a race between two runs), now deleted. */
  readonly removedDuplicates: number;
}

/** GitHub refuses comments longer than this (characters). */
export const MAX_COMMENT_LENGTH = 65_536;

interface Comment {
  readonly id: number;
  readonly body?: string;
  readonly html_url: string;
  readonly user?: GitHubUser | null;
}

/** The comment's body: the marker, then the report, cut to GitHub's limit with a pointer to the rest. */
export function commentBody(marker: string, body: string): string {
  const full = `${markerLine(marker)}\n${body}`;
  if (full.length <= MAX_COMMENT_LENGTH) return full;
  const note = "\n\n… cut to fit GitHub's comment limit: the full report is in the job summary.";
  return full.slice(0, MAX_COMMENT_LENGTH - note.length) + note;
}

function explain(status: number, message: string, what: string): string {
  const said = message === '' ? '' : ` (GitHub says: ${message})`;
  switch (status) {
    case 401:
      return `GitHub rejected the token while trying to ${what}: 401 Unauthorized${said}. Pass the job's GITHUB_TOKEN.`;
    case 403:
      return (
        `GitHub refused to ${what}: 403 Forbidden${said}. The token may not write pull-request comments: ` +
        'pull requests from forks get a read-only GITHUB_TOKEN (the report is still in the job summary); ' +
        'otherwise give the job `permissions: pull-requests: write`.'
      );
    case 404:
      return `GitHub could not ${what}: 404 Not Found${said}. Check the repository and pull request number, and that the token can see them.`;
    default:
      return `GitHub could not ${what}: HTTP ${status}${said}.`;
  }
}

export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { call, pages } = restClient({
    apiUrl: options.apiUrl,
    token: options.token,
    userAgent: 'campaign-aam-sticky-comment',
    explain,
  });
  const issue = `/repos/${options.repository}/issues/${options.pullRequest}`;
  const marker = markerLine(options.marker);
  const body = commentBody(options.marker, options.body);

  const mine: Comment[] = [];
  for await (const response of pages(
    `${issue}/comments?per_page=100`,
    `list the comments of pull request #${options.pullRequest}`,
  )) {
    mine.push(
      ...((await response.json()) as Comment[]).filter((c) => byBot(c.user) && (c.body ?? '').startsWith(marker)),
    );
  }

  const [first, ...duplicates] = mine;
  for (const duplicate of duplicates) {
    await call('DELETE', `/repos/${options.repository}/issues/comments/${duplicate.id}`, 'delete a duplicate comment');
  }
  if (first === undefined) {
    const created = (await (await call('POST', `${issue}/comments`, 'create the comment', { body })).json()) as Comment;
    return { action: 'created', url: created.html_url, removedDuplicates: 0 };
  }
  const updated = (await (
    await call('PATCH', `/repos/${options.repository}/issues/comments/${first.id}`, 'update the comment', { body })
  ).json()) as Comment;
  return { action: 'updated', url: updated.html_url, removedDuplicates: duplicates.length };
}
