import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import documentedDataSources from '../fixtures/audience-manager/datasources.json';
import documentedDestination from '../fixtures/audience-manager/destination.json';
import documentedDestinations from '../fixtures/audience-manager/destinations.json';
import documentedToken from '../fixtures/audience-manager/ims-token-response.json';

export interface FakeDataSource {
  dataSourceId: number;
  name: string;
  integrationCode: string;
  status?: string;
}

export interface FakeDestination {
  destinationId: number;
  name: string;
  status?: string;
  dataSourceId: number | null;
  description?: string;
}

/**
 * An answer served instead of the real one, to the next `times` requests whose path starts with
 * `path`; `body` as JSON, or as is when it is a string.
 */
export interface Fault {
  path: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times?: number;
  /** Wait this long before answering (a slow answer). */
  delayMs?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * A stand-in for Adobe IMS's token endpoint and Audience Manager's REST API on 127.0.0.1, answering
 * in the shapes Adobe documents (the examples in test/fixtures/audience-manager are its templates):
 * `client_credentials` tokens that expire, lists as bare arrays without `page`/`pageSize` and as
 * `{ total, page, pageSize, list }` with them, 401 with `WWW-Authenticate` for an expired token,
 * 403 for another org or API key, 404 for a missing destination, plus faults (429, 5xx, slowness)
 * a test queues.
 */
export class FakeAudienceManager {
  readonly clientId = 'fake-client-id-0123456789';
  readonly clientSecret = 'p8e-FAKE-SECRET-never-printed';
  readonly scopes = 'openid,AdobeID,additional_info.projectedProductContext,audiencemanager_api';
  /** The orgs the credential may read (its product profile's org). */
  readonly orgs = new Set<string>();
  dataSources: FakeDataSource[] = [];
  destinations: FakeDestination[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly issuedTokens: string[] = [];
  tokenLifetimeSeconds = documentedToken.expires_in;
  /** Answer bare arrays even when paging is asked for, as for methods that do not page. */
  ignorePaging = false;
  private faults: Fault[] = [];
  private readonly expired = new Set<string>();
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Back to no data, no requests, no faults. */
  reset(): void {
    this.orgs.clear();
    this.dataSources = [];
    this.destinations = [];
    this.requests.length = 0;
    this.issuedTokens.length = 0;
    this.tokenLifetimeSeconds = documentedToken.expires_in;
    this.ignorePaging = false;
    this.faults = [];
    this.expired.clear();
  }

  /** Queues a fault; faults are served in the order queued. */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Every token issued so far stops working, as after 24 hours. */
  expireTokens(): void {
    for (const token of this.issuedTokens) this.expired.add(token);
  }

  /** Environment variables that point the check at this fake with its credential. */
  variables(): Record<string, string> {
    return {
      AAM_CLIENT_ID: this.clientId,
      AAM_CLIENT_SECRET: this.clientSecret,
      AAM_SCOPES: this.scopes,
      AAM_API_URL: this.url,
      AAM_IMS_URL: this.url,
    };
  }

  /** A destination as `GET /v1/destinations/{id}` documents it. */
  destinationJson(d: FakeDestination): Record<string, unknown> {
    return {
      ...documentedDestination,
      destinationId: d.destinationId,
      name: d.name,
      description: d.description ?? '',
      status: d.status ?? 'active',
      dataSourceId: d.dataSourceId,
    };
  }

  /** A destination as the list documents it: fewer fields, no data source. */
  destinationListJson(d: FakeDestination): Record<string, unknown> {
    return {
      ...documentedDestinations[0],
      destinationId: d.destinationId,
      name: d.name,
      description: d.description ?? '',
      status: d.status ?? 'active',
    };
  }

  /** A data source as `GET /v1/datasources/` documents it. */
  dataSourceJson(d: FakeDataSource): Record<string, unknown> {
    return {
      ...documentedDataSources[0],
      dataSourceId: d.dataSourceId,
      customNamespaceId: d.dataSourceId,
      name: d.name,
      description: '',
      authenticatedProfileName: d.name,
      integrationCode: d.integrationCode,
      status: d.status ?? 'ACTIVE',
    };
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: url.search, headers: req.headers, body });

    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const fault = this.faults.find((f) => url.pathname.startsWith(f.path));
    if (fault !== undefined) {
      if (--fault.times! <= 0) this.faults = this.faults.filter((f) => f !== fault);
      if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (res.destroyed) return;
      // `{token}` in a fault's header stands for the token the request carried, as Adobe quotes it.
      const headers = Object.fromEntries(
        Object.entries(fault.headers ?? {}).map(([k, v]) => [k, v.replace('{token}', token ?? '')]),
      );
      return this.send(res, fault.status, fault.body ?? { message: `fault ${fault.status}` }, headers);
    }

    if (url.pathname === '/ims/token/v3') return this.token(method, body, res);
    if (!url.pathname.startsWith('/v1/')) return this.send(res, 404, { message: 'Not Found' });
    if (method !== 'GET') return this.send(res, 405, { message: 'Method Not Allowed' });

    if (token === undefined || !this.issuedTokens.includes(token) || this.expired.has(token)) {
      const why = token !== undefined && this.expired.has(token) ? 'Access token expired' : 'Invalid access token';
      return this.send(
        res,
        401,
        { error: 'invalid_token', error_description: `${why}: ${token ?? ''}` },
        {
          'WWW-Authenticate': `Bearer realm="oauth", error="invalid_token", error_description="${why}: ${token ?? ''}"`,
        },
      );
    }
    if (req.headers['x-api-key'] !== this.clientId) return this.send(res, 403, { message: 'Api Key is invalid' });
    const org = req.headers['x-gw-ims-org-id'];
    if (typeof org !== 'string' || !this.orgs.has(org)) {
      return this.send(res, 403, { message: 'You do not have access to the resource.' });
    }

    const rest = url.pathname.slice('/v1/'.length).replace(/\/$/, '');
    if (rest === 'datasources')
      return this.list(
        res,
        url,
        this.dataSources.map((d) => this.dataSourceJson(d)),
      );
    if (rest === 'destinations')
      return this.list(
        res,
        url,
        this.destinations.map((d) => this.destinationListJson(d)),
      );
    const id = /^destinations\/(\d+)$/.exec(rest)?.[1];
    const found = this.destinations.find((d) => String(d.destinationId) === id);
    if (found !== undefined) return this.send(res, 200, this.destinationJson(found));
    return this.send(res, 404, { message: 'The resource could not be found for the specified path.' });
  }

  /** A bare array without paging parameters; a page of `{ total, page, pageSize, list }` with them. */
  private list(res: ServerResponse, url: URL, all: unknown[]) {
    const paged = url.searchParams.has('page') || url.searchParams.has('pageSize');
    if (!paged || this.ignorePaging) return this.send(res, 200, all);
    const page = Number(url.searchParams.get('page') ?? 0);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 10);
    return this.send(res, 200, {
      total: all.length,
      page,
      pageSize,
      list: all.slice(page * pageSize, (page + 1) * pageSize),
    });
  }

  private token(method: string, body: string, res: ServerResponse) {
    if (method !== 'POST') return this.send(res, 405, { error: 'method_not_allowed' });
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') {
      return this.send(res, 400, {
        error: 'unsupported_grant_type',
        error_description: 'grant_type must be client_credentials',
      });
    }
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return this.send(res, 401, { error: 'invalid_client', error_description: 'invalid client_id or client_secret' });
    }
    if (form.get('scope') !== this.scopes) {
      return this.send(res, 400, { error: 'invalid_scope', error_description: 'the requested scope is not allowed' });
    }
    const token = `eyFAKE.${this.issuedTokens.length + 1}.${Math.random().toString(36).slice(2)}`;
    this.issuedTokens.push(token);
    return this.send(res, 200, { ...documentedToken, access_token: token, expires_in: this.tokenLifetimeSeconds });
  }
}
