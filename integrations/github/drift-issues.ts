import {
  ACTIONS_BOT,
  byAuthor,
  explainWith,
  type GitHubConnection,
  gitHubApi,
  type GitHubUser,
  markerLine,
} from './api-client';

/**
 * One GitHub issue per environment with drift: found again by a hidden marker on its first line,
 * opened the first time, its body updated on later runs, closed with a comment once the
 * environment is clean. Only the bot's own issues are touched: a person's issue that quotes the
 * marker is left as it is.
 */
export interface DriftIssueOptions extends GitHubConnection {
  /**
   * The bot account the token posts as: only its issues are ever updated or closed.
   * @default 'github-actions[bot]' (the workflow's GITHUB_TOKEN)
   */
  readonly author?: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly environment: string;
  /** What the drift check found; `error` changes nothing (the run itself fails and says why). */
  readonly status: 'clean' | 'drift' | 'error';
  /** The issue's title when there is drift. */
  readonly title: string;
  /** The drift report, in Markdown. */
  readonly body: string;
  /** Said when the issue is closed, e.g. a link to the run that found the environment clean. */
  readonly closingNote?: string;
}

export interface DriftIssueResult {
  readonly action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';
  /** The issue's number, when there is one. */
  readonly number?: number;
  readonly url?: string;
  /** Copies with the same marker (a race between two runs), closed as duplicates of the kept one. */
  readonly closedDuplicates: number;
}

/** GitHub refuses issue bodies longer than this (characters). */
export const MAX_ISSUE_BODY_LENGTH = 65_536;

interface Issue {
  readonly number: number;
  readonly title?: string;
  readonly body?: string | null;
  readonly html_url: string;
  readonly user?: GitHubUser | null;
  /** Set on pull requests, which the issues listing includes. */
  readonly pull_request?: unknown;
}

/** The marker of an environment's drift issue. */
export const driftMarker = (environment: string) => markerLine(`campaign-aam-drift:${environment}`);

function issueBody(environment: string, body: string): string {
  const full = `${driftMarker(environment)}\n${body}`;
  if (full.length <= MAX_ISSUE_BODY_LENGTH) return full;
  const note = "\n\n… cut to fit GitHub's issue limit: the full report is in the drift workflow's job summary.";
  return full.slice(0, MAX_ISSUE_BODY_LENGTH - note.length) + note;
}

const explain = explainWith({
  forbidden: 'The token may not write issues: give the job `permissions: issues: write`.',
  notFound: 'Check GITHUB_REPOSITORY (owner/name), and that the token can see it.',
});

export async function syncDriftIssue(options: DriftIssueOptions): Promise<DriftIssueResult> {
  const { call, pages } = gitHubApi({ apiUrl: options.apiUrl, token: options.token, explain });
  const ours = byAuthor(options.author ?? ACTIONS_BOT);
  const repo = `/repos/${options.repository}`;
  const marker = driftMarker(options.environment);
  const open: Issue[] = [];
  for await (const page of pages<Issue[]>(`${repo}/issues?state=open&per_page=100`, 'list the open issues')) {
    open.push(...page);
  }
  const [kept, ...duplicates] = open
    .filter((i) => i.pull_request === undefined && ours(i.user) && (i.body ?? '').startsWith(marker))
    .sort((a, b) => a.number - b.number);

  const comment = (number: number, body: string) =>
    call('POST', `${repo}/issues/${number}/comments`, `comment on issue #${number}`, { body });
  const close = async (number: number, note: string) => {
    await comment(number, note);
    await call('PATCH', `${repo}/issues/${number}`, `close issue #${number}`, {
      state: 'closed',
      state_reason: 'completed',
    });
  };

  if (options.status === 'error') {
    return { action: 'none', number: kept?.number, url: kept?.html_url, closedDuplicates: 0 };
  }
  for (const duplicate of options.status === 'drift' ? duplicates : []) {
    await close(
      duplicate.number,
      `Duplicate of #${kept.number}, which tracks the drift of \`${options.environment}\`.`,
    );
  }
  if (options.status === 'clean') {
    const all = [kept, ...duplicates].filter((i): i is Issue => i !== undefined);
    const note = `\`${options.environment}\` is clean again: no drift, nothing pending, live checks passed.${
      options.closingNote === undefined ? '' : ` ${options.closingNote}`
    }`;
    for (const issue of all) await close(issue.number, note);
    return kept === undefined
      ? { action: 'none', closedDuplicates: 0 }
      : { action: 'closed', number: kept.number, url: kept.html_url, closedDuplicates: duplicates.length };
  }

  const body = issueBody(options.environment, options.body);
  if (kept === undefined) {
    const created = (await (
      await call('POST', `${repo}/issues`, 'open the drift issue', { title: options.title, body })
    ).json()) as Issue;
    return { action: 'opened', number: created.number, url: created.html_url, closedDuplicates: 0 };
  }
  if (kept.body === body && kept.title === options.title) {
    return { action: 'unchanged', number: kept.number, url: kept.html_url, closedDuplicates: duplicates.length };
  }
  await call('PATCH', `${repo}/issues/${kept.number}`, `update issue #${kept.number}`, { title: options.title, body });
  return { action: 'updated', number: kept.number, url: kept.html_url, closedDuplicates: duplicates.length };
}
