/**
 * The project's GitHub REST client: `fetch` with the API version pinned, errors explained in a
 * sentence that says what to do, pages followed through `Link` headers without ever sending the
 * token to another host. Base URL from `GITHUB_API_URL` in Actions, so GitHub Enterprise Server works.
 */
export class GitHubApiError extends Error {}

export interface GitHubApiOptions {
  /** `https://api.github.com`, or the server's API URL (`GITHUB_API_URL` in Actions). */
  readonly apiUrl: string;
  readonly token: string;
  readonly userAgent: string;
  /** What to do about a 403, for this caller's calls (which permission the job needs). */
  readonly forbiddenHint: string;
}

/** An issue or comment author as GitHub returns it. */
export interface GitHubUser {
  readonly login?: string;
  readonly type?: string;
}

/**
 * Only a bot's issue or comment is ours (the workflow's token writes as `github-actions[bot]`, an
 * app's as `<app>[bot]`): a person who pastes a marker must never see their text rewritten or closed.
 */
export const byBot = (author: GitHubUser | null | undefined) =>
  author?.type === 'Bot' || (author?.login ?? '').endsWith('[bot]');

/** A hidden marker line that finds our issue or comment again. */
export const markerLine = (marker: string) => `<!-- ${marker} -->`;

function explain(status: number, message: string, what: string, forbiddenHint: string): string {
  const said = message === '' ? '' : ` (GitHub says: ${message})`;
  switch (status) {
    case 401:
      return `GitHub rejected the token while trying to ${what}: 401 Unauthorized${said}. Pass the job's GITHUB_TOKEN.`;
    case 403:
      return `GitHub refused to ${what}: 403 Forbidden${said}. ${forbiddenHint}`;
    case 404:
      return `GitHub could not ${what}: 404 Not Found${said}. Check the repository (and number), and that the token can see them.`;
    default:
      return `GitHub could not ${what}: HTTP ${status}${said}.`;
  }
}

/** The next page from a `Link` header, if any. */
const nextPage = (link: string | null) => /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];

export function gitHubApi(options: GitHubApiOptions) {
  const base = options.apiUrl.replace(/\/+$/, '');
  const call = async (method: string, url: string, what: string, body?: unknown): Promise<Response> => {
    const response = await fetch(url.startsWith('http') ? url : `${base}${url}`, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${options.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': options.userAgent,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const text = await response.text();
      let message = text;
      try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? text);
      } catch {
        // not JSON: keep the text
      }
      throw new GitHubApiError(explain(response.status, message.trim(), what, options.forbiddenHint));
    }
    return response;
  };
  /** Every item of a listing, page after page. */
  const all = async <T>(url: string, what: string): Promise<T[]> => {
    const items: T[] = [];
    for (let next: string | undefined = url; next !== undefined; ) {
      const response = await call('GET', next, what);
      items.push(...((await response.json()) as T[]));
      next = nextPage(response.headers.get('link'));
      // The token only ever goes back to the API it was given for.
      if (next !== undefined && !next.startsWith(`${base}/`)) {
        throw new GitHubApiError(
          `GitHub's next-page link points elsewhere (${next}); refusing to send the token there`,
        );
      }
    }
    return items;
  };
  return { call, all };
}
