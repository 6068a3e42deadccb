import { AudienceManagerClient } from '../../../../integrations/audience-manager/client';
import { AamApiError } from '../../../../integrations/audience-manager/errors';
import { readFacts } from '../../../../integrations/audience-manager/facts';
import { ImsToken } from '../../../../integrations/audience-manager/ims-token';
import { listAll } from '../../../../integrations/audience-manager/paging';
import { aamSettings } from '../../../../integrations/audience-manager/settings';
import { environment, fileWith } from '../../../support/environment';
import { FakeAudienceManager } from '../../../support/fake-audience-manager';

const ORG = 'ABCDEF0123456789ABCDEF01@AdobeOrg';

let fake: FakeAudienceManager;
beforeAll(async () => (fake = await new FakeAudienceManager().start()));
afterAll(() => fake.stop());
beforeEach(() => {
  fake.reset();
  fake.orgs.add(ORG);
  fake.dataSources = [{ dataSourceId: 1001, name: 'Adobe Campaign (MID)', integrationCode: 'adobe_campaign_mid' }];
  fake.destinations = [{ destinationId: 123456, name: 'Adobe Campaign - Test', dataSourceId: 1001 }];
});

/** A client on the fake; `waits` records each pause a 429 asked for instead of sleeping. */
function connect(variables: Record<string, string> = {}) {
  // Generous by default, so a busy machine never times out a test that is about something else.
  const settings = aamSettings({ ...fake.variables(), AAM_TIMEOUT_SECONDS: '20', ...variables });
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const token = new ImsToken(settings, Date.now, sleep);
  return { client: new AudienceManagerClient(settings, token, sleep), token, waits };
}

const destination = (client: AudienceManagerClient, id = '123456', imsOrgId = ORG) =>
  client.get(`destinations/${id}`, { imsOrgId, what: `read destination ${id}`, notFoundIsAnswer: true });

/** The error `promise` fails with; fails the test if it succeeds. */
async function failure(promise: Promise<unknown>): Promise<AamApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AamApiError);
  return error as AamApiError;
}

describe('the Audience Manager client against the fake', () => {
  it('asks IMS once for a token, with the credential in the form body, and sends it with the API key and org', async () => {
    const { client } = connect();
    expect(await destination(client)).toMatchObject({ destinationId: 123456, status: 'active', dataSourceId: 1001 });
    await destination(client);
    const [tokenRequest, ...gets] = fake.requests;
    expect([tokenRequest.method, tokenRequest.path, tokenRequest.query]).toEqual(['POST', '/ims/token/v3', '']);
    expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      scope: fake.scopes,
    });
    expect(fake.issuedTokens).toHaveLength(1);
    expect(gets.map((r) => [r.method, r.path])).toEqual([
      ['GET', '/v1/destinations/123456'],
      ['GET', '/v1/destinations/123456'],
    ]);
    expect(gets[0].headers).toMatchObject({
      authorization: `Bearer ${fake.issuedTokens[0]}`,
      'x-api-key': fake.clientId,
      'x-gw-ims-org-id': ORG,
      accept: 'application/json',
    });
  });

  it('renews the token shortly before IMS says it expires, not before', async () => {
    fake.tokenLifetimeSeconds = 120;
    let now = 1_000_000;
    const settings = aamSettings(fake.variables());
    const token = new ImsToken(settings, () => now);
    const first = await token.get();
    now += 59_000;
    expect(await token.get()).toBe(first);
    now += 2_000;
    expect(await token.get()).not.toBe(first);
    expect(fake.issuedTokens).toHaveLength(2);
  });

  it('answers a 401 for an expired token with one new token and one retry', async () => {
    const { client } = connect();
    await destination(client);
    fake.expireTokens();
    expect(await destination(client)).toMatchObject({ destinationId: 123456 });
    expect(fake.issuedTokens).toHaveLength(2);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /ims/token/v3',
      'GET /v1/destinations/123456',
      'GET /v1/destinations/123456',
      'POST /ims/token/v3',
      'GET /v1/destinations/123456',
    ]);
  });

  it('gives up after a second 401 with a clear error that never shows the token', async () => {
    const { client } = connect();
    const challenge = 'Bearer realm="oauth", error="invalid_token", error_description="Access token expired: {token}"';
    fake.fail({ path: '/v1/', status: 401, headers: { 'WWW-Authenticate': challenge }, times: 2 });
    const error = await failure(destination(client));
    expect(error.message).toBe(
      `Audience Manager rejected a freshly issued token while trying to read destination 123456 for ${ORG}: 401 Unauthorized ` +
        '(Bearer realm="oauth", error="invalid_token", error_description="Access token expired: [redacted]") (Audience Manager says: fault 401). ' +
        'Check that the credential has the Audience Manager API in its Developer Console project and that organization.imsOrgId is the org the credential belongs to',
    );
    expect(fake.issuedTokens).toHaveLength(2);
    for (const token of fake.issuedTokens) expect(error.message).not.toContain(token);
  });

  it("says what a 403 means: the credential's product profile or the org", async () => {
    const { client } = connect();
    const error = await failure(destination(client, '123456', '00000000000000000000AAAA@AdobeOrg'));
    expect(error.message).toBe(
      'Audience Manager refused while trying to read destination 123456 for 00000000000000000000AAAA@AdobeOrg: 403 Forbidden ' +
        "(Audience Manager says: You do not have access to the resource.). The credential's product profile must grant read access to " +
        'destinations and data sources; with role-based access, add its technical account to a group that may read them',
    );
  });

  it('returns nothing for a destination that does not exist, and fails on any other 404', async () => {
    const { client } = connect();
    expect(await destination(client, '999')).toBeUndefined();
    const error = await failure(client.get('datasource', { imsOrgId: ORG, what: 'list data sources' }));
    expect(error.message).toMatch(
      /^Audience Manager has no \/v1\/datasource \(404 Not Found .*check AAM_API_URL \(default https:\/\/aam\.adobe\.io\)$/,
    );
  });

  it('waits as long as Retry-After asks after a 429, in seconds or as a date, then retries', async () => {
    const { client, waits } = connect();
    fake.fail({ path: '/v1/', status: 429, headers: { 'Retry-After': '2' } });
    fake.fail({ path: '/v1/', status: 429, headers: { 'Retry-After': new Date(Date.now() + 5_000).toUTCString() } });
    fake.fail({ path: '/ims/', status: 429 });
    expect(await destination(client)).toMatchObject({ destinationId: 123456 });
    expect(waits[0]).toBe(1_000); // IMS gave no Retry-After: a second
    expect(waits[1]).toBe(2_000);
    expect(waits[2]).toBeGreaterThan(3_000);
    expect(waits[2]).toBeLessThanOrEqual(5_000);
  });

  it('stops retrying 429s after three retries, and never waits longer than 30 s', async () => {
    const { client, waits } = connect();
    fake.fail({ path: '/v1/', status: 429, headers: { 'Retry-After': '1' }, times: 4 });
    expect((await failure(destination(client))).message).toBe(
      'Audience Manager still answered 429 Too Many Requests after 3 retries while trying to read destination 123456; wait a few minutes and run the check again',
    );
    expect(waits).toEqual([1000, 1000, 1000]);

    fake.fail({ path: '/v1/', status: 429, headers: { 'Retry-After': '3600' } });
    expect((await failure(destination(client))).message).toBe(
      'Audience Manager answered 429 Too Many Requests while trying to read destination 123456 and asks to wait 3600 s (Retry-After), longer than the 30 s this check waits; run it again later',
    );
    expect(waits).toHaveLength(3);
  });

  it('gives up on a slow answer after AAM_TIMEOUT_SECONDS', async () => {
    // The token at ease (its request is not what this is about), the API call with a short limit.
    const token = new ImsToken(aamSettings({ ...fake.variables(), AAM_TIMEOUT_SECONDS: '20' }));
    const fast = aamSettings({ ...fake.variables(), AAM_TIMEOUT_SECONDS: '0.5' });
    const client = new AudienceManagerClient(fast, token);
    fake.fail({ path: '/v1/', status: 200, body: [], delayMs: 10_000 });
    expect((await failure(destination(client))).message).toBe(
      'Audience Manager did not answer within 0.5 s while trying to read destination 123456; try again later, or allow more time with AAM_TIMEOUT_SECONDS',
    );
  });

  it('reports a server error, an answer that is not JSON, and a server that is not there', async () => {
    const { client } = connect();
    fake.fail({ path: '/v1/', status: 500, body: { message: 'Internal error' } });
    expect((await failure(destination(client))).message).toBe(
      `Audience Manager could not answer while trying to read destination 123456 for ${ORG}: HTTP 500 (Audience Manager says: Internal error); try again later`,
    );
    fake.fail({ path: '/v1/', status: 200, body: '<html>maintenance</html>' });
    expect((await failure(destination(client))).message).toBe(
      'Audience Manager answered HTTP 200 with something other than JSON while trying to read destination 123456: "<html>maintenance</html>"',
    );
    const gone = await new FakeAudienceManager().start();
    await gone.stop();
    const nowhere = connect({ AAM_API_URL: gone.url });
    expect((await failure(destination(nowhere.client))).message).toBe(
      `could not reach Audience Manager at ${gone.url} while trying to read destination 123456: ECONNREFUSED`,
    );
  });

  it('says which variable to fix when IMS refuses the credential, without printing the secret', async () => {
    const wrongSecret = connect({ AAM_CLIENT_SECRET: 'p8e-rotated-away' });
    const error = await failure(destination(wrongSecret.client));
    expect(error.message).toBe(
      'Adobe IMS refused to issue a token: HTTP 401 (invalid_client: invalid client_id or client_secret); check AAM_CLIENT_ID and AAM_CLIENT_SECRET against the credential in the Developer Console (a rotated secret is the usual cause)',
    );
    expect(error.message).not.toContain('p8e-rotated-away');
    const wrongScope = connect({ AAM_SCOPES: 'openid' });
    expect((await failure(destination(wrongScope.client))).message).toContain(
      'check AAM_SCOPES against the scopes the Developer Console lists for the credential',
    );
  });
});

describe('paging', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      dataSourceId: i + 1,
      name: `Source ${i + 1}`,
      integrationCode: `s${i + 1}`,
    }));

  it('reads a paged list page by page from page 0 until the total', async () => {
    fake.dataSources = many(450);
    const { client } = connect();
    const all = await listAll(
      (query) => client.get('datasources/', { imsOrgId: ORG, what: 'list data sources', query }),
      'data sources',
    );
    expect(all.map((d: any) => d.dataSourceId)).toEqual(many(450).map((d) => d.dataSourceId));
    expect(fake.requests.filter((r) => r.method === 'GET').map((r) => r.query)).toEqual([
      '?page=0&pageSize=200',
      '?page=1&pageSize=200',
      '?page=2&pageSize=200',
    ]);
  });

  it('takes a bare array as the whole list, as Audience Manager answers without paging', async () => {
    fake.dataSources = many(250);
    fake.ignorePaging = true;
    const { client } = connect();
    const all = await listAll(
      (query) => client.get('datasources/', { imsOrgId: ORG, what: 'list data sources', query }),
      'data sources',
    );
    expect(all).toHaveLength(250);
    expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('refuses a page in neither documented shape, or the wrong page', async () => {
    const pages = [
      { total: 3, page: 0, pageSize: 2, list: [1, 2] },
      { total: 3, page: 0, pageSize: 2, list: [1, 2] },
    ];
    await expect(listAll(async () => pages.shift(), 'data sources')).rejects.toThrow(
      'Audience Manager answered page 1 of data sources in neither documented shape (a bare array, or { total, page, pageSize, list } for that page)',
    );
    await expect(listAll(async () => ({ items: [] }), 'data sources')).rejects.toThrow(AamApiError);
  });
});

describe('reading the facts of environment files', () => {
  it('reads the data sources once per org, each destination named, and the destination list only when one is missing, with GET requests only', async () => {
    const { client } = connect();
    const cache = new Map<string, Promise<unknown[]>>();
    const test = await environment(
      fileWith(() => undefined),
      'test',
    );
    const other = await environment(
      fileWith((f) => (f.campaign.dataSources[0].aamDestinationId = '999999')),
      'other',
    );
    const facts = await readFacts(client, test, cache);
    expect(facts.dataSources.map((d) => d.name)).toEqual(['Adobe Campaign (MID)']);
    expect(facts.destinations.get('123456')).toMatchObject({ name: 'Adobe Campaign - Test' });
    expect(facts.allDestinations).toBeUndefined();
    const missing = await readFacts(client, other, cache);
    expect(missing.destinations.has('999999')).toBe(true);
    expect(missing.destinations.get('999999')).toBeUndefined();
    expect(missing.allDestinations?.map((d) => d.destinationId)).toEqual([123456]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}${r.query}`)).toEqual([
      'POST /ims/token/v3',
      'GET /v1/datasources/?page=0&pageSize=200',
      'GET /v1/destinations/123456',
      'GET /v1/destinations/999999',
      'GET /v1/destinations?page=0&pageSize=200',
    ]);
  });
});
