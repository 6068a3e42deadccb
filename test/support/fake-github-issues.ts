import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason?: string;
  /** The author's login; `[bot]` logins are bots, as on GitHub. */
  user: string;
  comments: string[];
  /** A pull request, which GitHub's issue listing includes. */
  pullRequest?: boolean;
}

/** The login the workflow's token writes as. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * A small stand-in for GitHub's issues REST API on 127.0.0.1: list (by state, paginated with `Link`
 * headers as GitHub does, pull requests included), open, edit, close and comment on issues of one
 * repository, as the token's user (`ACTIONS_BOT`). `readOnly` answers writes the way GitHub
 * answers a token without `issues: write`.
 */
export class FakeGitHubIssues {
  readonly token = 'test-token';
  readonly repository = 'globex/campaign-aam';
  readonly issues: FakeIssue[] = [];
  readonly requests: string[] = [];
  readOnly = false;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  add(issue: Partial<FakeIssue> & Pick<FakeIssue, 'body'>): FakeIssue {
    const created: FakeIssue = {
      number: this.issues.length + 1,
      title: 'An issue',
      state: 'open',
      user: ACTIONS_BOT,
      comments: [],
      ...issue,
    };
    this.issues.push(created);
    return created;
  }

  /** Issues someone else opened, to push ours onto later pages. */
  addOthers(count: number): void {
    for (let i = 0; i < count; i++) this.add({ title: `Question ${i}`, body: `Text ${i}`, user: 'colleague' });
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private asJson = (i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    user: { login: i.user, type: i.user.endsWith('[bot]') ? 'Bot' : 'User' },
    html_url: `https://github.example/${this.repository}/issues/${i.number}`,
    ...(i.pullRequest === true ? { pull_request: { url: 'https://github.example/pull' } } : {}),
  });

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.send(res, 401, { message: 'Bad credentials' });
    const prefix = `/repos/${this.repository}/issues`;
    if (!url.pathname.startsWith(prefix)) return this.send(res, 404, { message: 'Not Found' });
    if (req.method !== 'GET' && this.readOnly) {
      return this.send(res, 403, { message: 'Resource not accessible by integration' });
    }
    const rest = url.pathname.slice(prefix.length).split('/').filter(Boolean);
    const input = raw === '' ? {} : (JSON.parse(raw) as Record<string, string>);

    if (rest.length === 0 && req.method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const listed = this.issues.filter((i) => state === 'all' || i.state === state);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(listed.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last) {
        headers.Link = `<${this.url}${url.pathname}?state=${state}&per_page=${perPage}&page=${page + 1}>; rel="next"`;
      }
      return this.send(res, 200, listed.slice((page - 1) * perPage, page * perPage).map(this.asJson), headers);
    }
    if (rest.length === 0 && req.method === 'POST') {
      return this.send(res, 201, this.asJson(this.add({ title: input.title, body: input.body })));
    }
    const issue = this.issues.find((i) => i.number === Number(rest[0]));
    if (issue === undefined) return this.send(res, 404, { message: 'Not Found' });
    if (rest.length === 1 && req.method === 'PATCH') {
      if (input.title !== undefined) issue.title = input.title;
      if (input.body !== undefined) issue.body = input.body;
      if (input.state === 'open' || input.state === 'closed') issue.state = input.state;
      if (input.state_reason !== undefined) issue.stateReason = input.state_reason;
      return this.send(res, 200, this.asJson(issue));
    }
    if (rest.length === 2 && rest[1] === 'comments' && req.method === 'POST') {
      issue.comments.push(input.body);
      return this.send(res, 201, { id: issue.comments.length, body: input.body });
    }
    return this.send(res, 404, { message: 'Not Found' });
  }
}
