import { dataSource, destination, imsTokenResponse, page } from '../../../../integrations/audience-manager/api-shapes';
import documentedDataSources from '../../../fixtures/audience-manager/datasources.json';
import documentedDestination from '../../../fixtures/audience-manager/destination.json';
import documentedDestinations from '../../../fixtures/audience-manager/destinations.json';
import documentedExpiry from '../../../fixtures/audience-manager/expired-token.json';
import documentedToken from '../../../fixtures/audience-manager/ims-token-response.json';
import documentedPage from '../../../fixtures/audience-manager/paged-list.json';
import { FakeAudienceManager } from '../../../support/fake-audience-manager';

const ORG = 'ABCDEF0123456789ABCDEF01@AdobeOrg';

/** Each field's JSON type; a field documented as null may hold any type. */
const shape = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v]),
  );

function sameShape(answer: Record<string, unknown>, documented: Record<string, unknown>) {
  expect(Object.keys(answer).sort()).toEqual(Object.keys(documented).sort());
  const expected = shape(documented);
  for (const [key, type] of Object.entries(shape(answer))) {
    if (expected[key] !== 'null') expect([key, type]).toEqual([key, expected[key]]);
  }
}

let fake: FakeAudienceManager;
let token: string;

beforeAll(async () => {
  fake = await new FakeAudienceManager().start();
  fake.orgs.add(ORG);
  fake.dataSources = [{ dataSourceId: 7, name: 'Adobe Campaign (MID)', integrationCode: 'mid' }];
  fake.destinations = [{ destinationId: 314, name: 'sample destination', dataSourceId: 7 }];
});
afterAll(() => fake.stop());

async function tokenAnswer() {
  const response = await fetch(`${fake.url}/ims/token/v3`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      scope: fake.scopes,
    }).toString(),
  });
  return (await response.json()) as Record<string, unknown>;
}

const get = (path: string) =>
  fetch(`${fake.url}/v1/${path}`, {
    headers: { Authorization: `Bearer ${token}`, 'x-api-key': fake.clientId, 'x-gw-ims-org-id': ORG },
  });

describe("the fake Audience Manager answers in the shapes of Adobe's documented examples", () => {
  beforeAll(async () => (token = String((await tokenAnswer()).access_token)));

  it('issues tokens shaped like the documented IMS answer', async () => {
    sameShape(await tokenAnswer(), documentedToken);
  });

  it('answers GET /v1/destinations/{id} like the documented destination', async () => {
    sameShape((await (await get('destinations/314')).json()) as Record<string, unknown>, documentedDestination);
  });

  it('lists destinations and data sources as bare arrays of documented entries without paging parameters', async () => {
    const destinations = (await (await get('destinations')).json()) as Record<string, unknown>[];
    expect(Array.isArray(destinations)).toBe(true);
    sameShape(destinations[0], documentedDestinations[0]);
    const sources = (await (await get('datasources/')).json()) as Record<string, unknown>[];
    sameShape(sources[0], documentedDataSources[0]);
  });

  it('wraps a list asked for with page and pageSize like the documented paged answer', async () => {
    const answer = (await (await get('datasources/?page=0&pageSize=2')).json()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(Object.keys(documentedPage).sort());
    expect(answer).toMatchObject({ total: 1, page: 0, pageSize: 2 });
  });

  it('refuses an expired token with the documented 401 and WWW-Authenticate header', async () => {
    fake.expireTokens();
    const response = await get('destinations/314');
    expect(response.status).toBe(documentedExpiry.status);
    expect(response.headers.get('www-authenticate')).toBe(documentedExpiry.wwwAuthenticate.replace('<token>', token));
  });
});

describe("the client's expectations accept Adobe's documented examples", () => {
  it('reads every documented payload', () => {
    expect(imsTokenResponse.safeParse(documentedToken).success).toBe(true);
    expect(destination.safeParse(documentedDestination).success).toBe(true);
    for (const d of documentedDestinations) expect(destination.safeParse(d).success).toBe(true);
    for (const d of documentedDataSources) expect(dataSource.safeParse(d).success).toBe(true);
    expect(page.safeParse(documentedPage).success).toBe(true);
  });
});
