import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: string;
}

/** A job of a workflow run, as the Actions API lists it. */
export interface FakeJob {
  name: string;
  conclusion: string | null;
}

export interface FakePullRequest {
  headSha: string;
  /** The paths the pull request changes. */
  files: string[];
}

/**
 * A small stand-in for GitHub's REST API on 127.0.0.1: list (paginated with `Link` headers, as
 * GitHub does), create, update and delete comments of one repository's pull requests; read a pull
 * request's head and its changed files; list the jobs of a workflow run (`runJobs`, by run id).
 * `readOnly` answers writes the way GitHub answers a fork's pull-request token.
 */
export class FakeGitHub {
  readonly token = 'test-token';
  readonly repository = 'globex/campaign-aam';
  readonly comments = new Map<number, FakeComment[]>();
  readonly runJobs = new Map<string, FakeJob[]>();
  readonly pullRequests = new Map<number, FakePullRequest>();
  readonly requests: string[] = [];
  readOnly = false;
  private nextId = 1;
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

  /** Comments someone else wrote, to push ours onto later pages. */
  addComments(pullRequest: number, count: number, user = 'reviewer'): void {
    for (let i = 0; i < count; i++) this.add(pullRequest, `Comment ${i}`, user);
  }

  add(pullRequest: number, body: string, user = 'github-actions[bot]'): FakeComment {
    const comment = { id: this.nextId++, body, user };
    this.comments.set(pullRequest, [...(this.comments.get(pullRequest) ?? []), comment]);
    return comment;
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private asJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    html_url: `https://github.example/${this.repository}/pull/x#issuecomment-${c.id}`,
  });

  /** One page of `all`, with GitHub's `Link` header when more follow. */
  private page<T>(url: URL, all: readonly T[]): { items: T[]; headers: Record<string, string> } {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const query = (n: number) => {
        const next = new URLSearchParams(url.searchParams);
        next.set('per_page', String(perPage));
        next.set('page', String(n));
        return `${this.url}${url.pathname}?${next}`;
      };
      headers.Link = `<${query(page + 1)}>; rel="next", <${query(last)}>; rel="last"`;
    }
    return { items: all.slice((page - 1) * perPage, page * perPage), headers };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return this.send(res, 401, { message: 'Bad credentials' });
    }
    const runJobs = new RegExp(`^/repos/${this.repository}/actions/runs/([^/]+)/jobs$`).exec(url.pathname);
    if (runJobs !== null && req.method === 'GET') {
      const all = this.runJobs.get(runJobs[1]);
      if (all === undefined) return this.send(res, 404, { message: 'Not Found' });
      const { items, headers } = this.page(url, all);
      return this.send(res, 200, { total_count: all.length, jobs: items }, headers);
    }
    const pulls = new RegExp(`^/repos/${this.repository}/pulls/(\\d+)(/files)?$`).exec(url.pathname);
    if (pulls !== null && req.method === 'GET') {
      const pullRequest = this.pullRequests.get(Number(pulls[1]));
      if (pullRequest === undefined) return this.send(res, 404, { message: 'Not Found' });
      if (pulls[2] === undefined) {
        return this.send(res, 200, { number: Number(pulls[1]), head: { sha: pullRequest.headSha } });
      }
      const { items, headers } = this.page(
        url,
        pullRequest.files.map((filename) => ({ filename, status: 'modified' })),
      );
      return this.send(res, 200, items, headers);
    }
    const prefix = `/repos/${this.repository}/issues/`;
    if (!url.pathname.startsWith(prefix)) return this.send(res, 404, { message: 'Not Found' });
    const rest = url.pathname.slice(prefix.length).split('/');
    if (req.method !== 'GET' && this.readOnly) {
      return this.send(res, 403, { message: 'Resource not accessible by integration' });
    }

    if (rest.length === 2 && rest[1] === 'comments') {
      const pullRequest = Number(rest[0]);
      const all = this.comments.get(pullRequest) ?? [];
      if (req.method === 'POST') return this.send(res, 201, this.asJson(this.add(pullRequest, JSON.parse(raw).body)));
      const { items, headers } = this.page(url, all);
      return this.send(res, 200, items.map(this.asJson), headers);
    }
    if (rest.length === 2 && rest[0] === 'comments') {
      const id = Number(rest[1]);
      for (const [pullRequest, list] of this.comments) {
        const comment = list.find((c) => c.id === id);
        if (comment === undefined) continue;
        if (req.method === 'PATCH') {
          comment.body = JSON.parse(raw).body;
          return this.send(res, 200, this.asJson(comment));
        }
        if (req.method === 'DELETE') {
          this.comments.set(
            pullRequest,
            list.filter((c) => c.id !== id),
          );
          res.writeHead(204).end();
          return;
        }
      }
    }
    return this.send(res, 404, { message: 'Not Found' });
  }
}
