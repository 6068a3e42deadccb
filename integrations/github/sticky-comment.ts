import { ACTIONS_BOT, byAuthor, type GitHubConnection, gitHubApi, type GitHubUser, markerLine } from './api-client';

export { ACTIONS_BOT, markerLine };

/**
 * One pull-request comment that a CI job keeps up to date: found by a hidden marker on its first
 * line and by its author, created on the first run, edited on every later one, so a pull request
 * never collects a second copy.
 */
export interface StickyCommentOptions extends GitHubConnection {
  /** `owner/name`. */
  readonly repository: string;
  readonly pullRequest: number;
  /** Identifies this comment among all others: `<!-- <marker> -->` leads its body. */
  readonly marker: string;
  /**
   * The bot account the token posts as: only its comments are ever edited or deleted. A GitHub
   * App's bot login (`<app slug>[bot]`) belongs to that app alone.
   * @default 'github-actions[bot]' (the workflow's GITHUB_TOKEN)
   */
  readonly author?: string;
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

export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const api = gitHubApi(options);
  const issue = `/repos/${options.repository}/issues/${options.pullRequest}`;
  const marker = markerLine(options.marker);
  const body = commentBody(options.marker, options.body);
  const byUs = byAuthor(options.author ?? ACTIONS_BOT);
  const ours = (c: Comment) => byUs(c.user);

  const comments = await api.list<Comment>(
    `${issue}/comments?per_page=100`,
    `list the comments of pull request #${options.pullRequest}`,
  );
  const [first, ...duplicates] = comments.filter((c) => ours(c) && (c.body ?? '').startsWith(marker));
  for (const duplicate of duplicates) {
    await api.call(
      'DELETE',
      `/repos/${options.repository}/issues/comments/${duplicate.id}`,
      'delete a duplicate comment',
    );
  }
  if (first === undefined) {
    const created = await api.json<Comment>('POST', `${issue}/comments`, 'create the comment', { body });
    return { action: 'created', url: created.html_url, removedDuplicates: 0 };
  }
  const updated = await api.json<Comment>(
    'PATCH',
    `/repos/${options.repository}/issues/comments/${first.id}`,
    'update the comment',
    { body },
  );
  return { action: 'updated', url: updated.html_url, removedDuplicates: duplicates.length };
}
