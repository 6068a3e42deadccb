import { requiredVariable, variable, VARIABLES } from '../../runtime/environment-variables';
/**
 * The few calls of GitHub's REST API this project makes, with `fetch` (base URL from
 * `GITHUB_API_URL`, so GitHub Enterprise Server works too). Every refusal is explained in words.
 */
export interface GitHubConnection {
  /** `https://api.github.com`, or the server's API URL (`GITHUB_API_URL` in Actions). */
  readonly apiUrl: string;
  readonly token: string;
  /** How a failed call is told, where the general words below do not fit the caller's permissions. */
  readonly explain?: (status: number, message: string, what: string) => string;
}

export class GitHubApiError extends Error {}

/**
 * The API, token and repository of the Actions run a command is in, from the variables Actions
 * sets; a missing one is a usage error naming it (and `why` it is needed, when given).
 */
export function gitHubFromEnvironment(why?: string): GitHubConnection & { readonly repository: string } {
  return {
    apiUrl: variable(VARIABLES.github.apiUrl) ?? 'https://api.github.com',
    token: requiredVariable(VARIABLES.github.token, why),
    repository: requiredVariable(VARIABLES.github.repository, why),
  };
}

/** Who wrote a comment or an issue, as the API lists it. */
export interface GitHubUser {
  readonly login?: string;
  readonly type?: string;
}

/** Who posts with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Only our own bot's comments and issues are ever edited, closed or deleted: a person who pastes
 * a marker, or another app that happens to use it, must never see theirs rewritten. A GitHub App's
 * bot login (`<app slug>[bot]`) belongs to that app alone.
 */
export const byAuthor = (author: string) => (user: GitHubUser | null | undefined) =>
  user?.type === 'Bot' && user.login === author;

/** The hidden first line by which our comments and issues are found. */
export const markerLine = (marker: string) => `<!-- ${marker} -->`;

/** What to do about a refusal, in the caller's terms: its permissions differ by what it writes. */
export interface RefusalHints {
  /** After a 401. @default - pass the job's GITHUB_TOKEN */
  readonly unauthorized?: string;
  /** After a 403. */
  readonly forbidden: string;
  /** After a 404. */
  readonly notFound: string;
}

/** The words for a failed call: the status, GitHub's own message, and the caller's hints. */
export const explainWith =
  (hints: RefusalHints) =>
  (status: number, message: string, what: string): string => {
    const said = message === '' ? '' : ` (GitHub says: ${message})`;
    switch (status) {
      case 401:
        return `GitHub rejected the token while trying to ${what}: 401 Unauthorized${said}. ${hints.unauthorized ?? "Pass the job's GITHUB_TOKEN."}`;
      case 403:
        return `GitHub refused to ${what}: 403 Forbidden${said}. ${hints.forbidden}`;
      case 404:
        return `GitHub could not ${what}: 404 Not Found${said}. ${hints.notFound}`;
      default:
        return `GitHub could not ${what}: HTTP ${status}${said}.`;
    }
  };

/** The default: pull-request comments, the calls most of this project makes. */
const explain = explainWith({
  forbidden:
    'The token may not write pull-request comments: ' +
    'pull requests from forks get a read-only GITHUB_TOKEN (the report is still in the job summary); ' +
    'otherwise give the job `permissions: pull-requests: write`.',
  notFound: 'Check the repository and pull request number, and that the token can see them.',
});

/** The next page from a `Link` header, if any. */
const nextPage = (link: string | null) => /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];

export function gitHubApi(connection: GitHubConnection) {
  const base = connection.apiUrl.replace(/\/+$/, '');
  const call = async (method: string, url: string, what: string, body?: unknown): Promise<Response> => {
    // The token only ever goes to the API it was given for.
    if (url.startsWith('http') && !url.startsWith(`${base}/`)) {
      throw new GitHubApiError(`GitHub's next-page link points elsewhere (${url}); refusing to send the token there`);
    }
    const response = await fetch(url.startsWith('http') ? url : `${base}${url}`, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${connection.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'campaign-aam-integration',
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
      throw new GitHubApiError((connection.explain ?? explain)(response.status, message.trim(), what));
    }
    return response;
  };
  /** Every page of a paginated answer, following `Link: rel="next"`, each as parsed JSON. */
  async function* pages<T>(url: string, what: string): AsyncGenerator<T> {
    for (let next: string | undefined = url; next !== undefined; ) {
      const response = await call('GET', next, what);
      yield (await response.json()) as T;
      next = nextPage(response.headers.get('link'));
    }
  }
  /** Every item of a paginated list. */
  const list = async <T>(url: string, what: string): Promise<T[]> => {
    const items: T[] = [];
    for await (const page of pages<T[]>(url, what)) items.push(...page);
    return items;
  };
  const json = async <T>(method: string, url: string, what: string, body?: unknown): Promise<T> =>
    (await (await call(method, url, what, body)).json()) as T;
  return { call, pages, list, json };
}
