/**
 * The little of GitHub's REST API client this project needs, with `fetch`: authenticated calls
 * whose failures become a `GitHubApiError` saying what was being done, and pages followed through
 * `Link` headers without ever sending the token anywhere but the API it was given for.
 */
export class GitHubApiError extends Error {}

export interface RestOptions {
  /** `https://api.github.com`, or the server's API URL (`GITHUB_API_URL` in Actions). */
  readonly apiUrl: string;
  readonly token: string;
  readonly userAgent: string;
  /** The message for a failed call: its status, GitHub's own message (may be empty) and what was being done. */
  readonly explain: (status: number, message: string, what: string) => string;
}

/** An issue's or comment's author as GitHub returns it. */
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

/** The hidden first line that finds our issue or comment again. */
export const markerLine = (marker: string) => `<!-- ${marker} -->`;

/** The next page from a `Link` header, if any. */
const nextPage = (link: string | null) => /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];

export function restClient(options: RestOptions) {
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
      throw new GitHubApiError(options.explain(response.status, message.trim(), what));
    }
    return response;
  };

  /** Every page of a listing, from `url` on. */
  async function* pages(url: string, what: string): AsyncGenerator<Response> {
    for (let next: string | undefined = url; next !== undefined; ) {
      const response = await call('GET', next, what);
      yield response;
      next = nextPage(response.headers.get('link'));
      if (next !== undefined && !next.startsWith(`${base}/`)) {
        throw new GitHubApiError(
          `GitHub's next-page link points elsewhere (${next}); refusing to send the token there`,
        );
      }
    }
  }
  return { call, pages };
}
