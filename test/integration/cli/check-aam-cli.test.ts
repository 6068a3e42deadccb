import { cliAsync, removeCliBuild } from '../../support/compiled-cli';
import { distinctFile } from '../../support/environment';
import { FakeAudienceManager } from '../../support/fake-audience-manager';
import type { RunResult } from '../../support/run';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(240_000);
afterAll(removeCliBuild);

const ORG = 'ABCDEF0123456789ABCDEF01@AdobeOrg';

describe('npm run check-aam (the compiled command, against a fake Audience Manager and IMS)', () => {
  let fake: FakeAudienceManager;
  let project: string;
  let production: Record<string, any>;
  let staging: Record<string, any>;

  beforeAll(async () => {
    fake = await new FakeAudienceManager().start();
    production = distinctFile('production', (f) => {
      f.environment.label = 'Production';
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'Globex CRM ID',
        alias: 'Adobe Campaign (DeclaredId)',
        aamDestinationId: '300402',
        reconciliationKey: 'crmId',
      });
    });
    staging = distinctFile('staging', (f) => (f.environment.label = 'Staging'));
    project = tempDir();
    environmentsDir({ production, staging }, project);
  });
  afterAll(() => fake.stop());

  /** Audience Manager agreeing with both files. */
  beforeEach(() => {
    fake.reset();
    fake.orgs.add(ORG);
    fake.dataSources = [
      { dataSourceId: 1001, name: 'Adobe Campaign (MID)', integrationCode: 'adobe_campaign_mid' },
      { dataSourceId: 1002, name: 'Adobe Campaign (DeclaredId)', integrationCode: 'AdobeCampaignID' },
    ];
    fake.destinations = [
      {
        destinationId: Number(production.campaign.dataSources[0].aamDestinationId),
        name: 'Adobe Campaign MID - Production',
        dataSourceId: 1001,
      },
      { destinationId: 300402, name: 'Adobe Campaign DeclaredId - Production', dataSourceId: 1002 },
      {
        destinationId: Number(staging.campaign.dataSources[0].aamDestinationId),
        name: 'Adobe Campaign MID - Staging',
        dataSourceId: 1001,
      },
    ];
  });

  const checkAam = (args: string[], env: Record<string, string> = {}) =>
    cliAsync('check-aam', args, { cwd: project, env: { ...fake.variables(), ...env } });

  /** Nothing the command printed holds the secret or a token, and it only read. */
  function expectSafe(result: RunResult) {
    const printed = result.stdout + result.stderr;
    expect(printed).not.toContain(fake.clientSecret);
    for (const token of fake.issuedTokens) expect(printed).not.toContain(token);
    for (const r of fake.requests) {
      expect(r.method === 'GET' ? r.path.startsWith('/v1/') : `${r.method} ${r.path}`).toBe(
        r.method === 'GET' ? true : 'POST /ims/token/v3',
      );
    }
  }

  it('prints its usage with --help', async () => {
    const result = await checkAam(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run check-aam -- \[<environment>\.\.\.\] \[--json\]/);
  });

  it('passes every check of one environment, one line each, and exits 0', async () => {
    const result = await checkAam(['production']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const visitorId = production.campaign.dataSources[0].aamDestinationId;
    expect(result.stdout.split('\n')).toEqual([
      `production (environments/production.json, IMS Org ID ${ORG})`,
      '  ✓ Recipient - Visitor ID (Defaultdatasources): Data Source/Alias "Adobe Campaign" is a data source in Audience Manager — Audience Manager has "Adobe Campaign (MID)" (ID 1001)',
      `  ✓ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${visitorId} exists in Audience Manager — Audience Manager names it "Adobe Campaign MID - Production"`,
      `  ✓ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${visitorId} is active — Audience Manager says its status is "active"`,
      `  ✓ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${visitorId} is a destination of Data Source/Alias "Adobe Campaign" — Audience Manager ties it to "Adobe Campaign (MID)" (ID 1001)`,
      `  ✓ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${visitorId} is not another environment's — Audience Manager's name for it names no other environment`,
      '  ✓ Globex CRM ID: Data Source/Alias "Adobe Campaign (DeclaredId)" is a data source in Audience Manager — Audience Manager has "Adobe Campaign (DeclaredId)" (ID 1002)',
      '  ✓ Globex CRM ID: Integration code (in Audience Manager) is "AdobeCampaignID" — Audience Manager gives "Adobe Campaign (DeclaredId)" (ID 1002) that integration code',
      '  ✓ Globex CRM ID: AAM Destination ID 300402 exists in Audience Manager — Audience Manager names it "Adobe Campaign DeclaredId - Production"',
      '  ✓ Globex CRM ID: AAM Destination ID 300402 is active — Audience Manager says its status is "active"',
      '  ✓ Globex CRM ID: AAM Destination ID 300402 is a destination of Data Source/Alias "Adobe Campaign (DeclaredId)" — Audience Manager ties it to "Adobe Campaign (DeclaredId)" (ID 1002)',
      "  ✓ Globex CRM ID: AAM Destination ID 300402 is not another environment's — Audience Manager's name for it names no other environment",
      '  production: Audience Manager agrees (11 checks passed)',
      '',
    ]);
    expectSafe(result);
  });

  it('checks every environment without arguments, with one token and one data source list for the org', async () => {
    const result = await checkAam([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  production: Audience Manager agrees (11 checks passed)');
    expect(result.stdout).toContain('  staging: Audience Manager agrees (5 checks passed)');
    expect(fake.issuedTokens).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/v1/datasources/')).toHaveLength(1);
    expectSafe(result);
  });

  it('exits 1 on a mismatch, saying what Audience Manager says instead and what to do, also as --json', async () => {
    // Staging's file holds production's Visitor ID destination by mistake: Audience Manager names it for production.
    fake.destinations = fake.destinations.filter((d) => d.name !== 'Adobe Campaign MID - Staging');
    fake.destinations.push({
      destinationId: Number(staging.campaign.dataSources[0].aamDestinationId),
      name: 'Adobe Campaign MID - Production (old)',
      status: 'inactive',
      dataSourceId: 1002,
    });
    const result = await checkAam(['staging']);
    expect(result.status).toBe(1);
    const id = staging.campaign.dataSources[0].aamDestinationId;
    expect(result.stdout).toContain(
      `  ✗ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${id} is active — Audience Manager says its status is "inactive"\n` +
        `      what to do: ask Adobe to activate destination ${id}, or check it is the ID Adobe sent for this data source\n`,
    );
    expect(result.stdout).toContain(
      `  ✗ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${id} is a destination of Data Source/Alias "Adobe Campaign" — Audience Manager ties it to "Adobe Campaign (DeclaredId)" (ID 1002), not to "Adobe Campaign (MID)" (ID 1001)\n`,
    );
    expect(result.stdout).toContain(
      `  ✗ Recipient - Visitor ID (Defaultdatasources): AAM Destination ID ${id} is not another environment's — Audience Manager names it "Adobe Campaign MID - Production (old)", which reads as production's (environments/production.json)\n`,
    );
    expect(result.stdout).toContain('  staging: 3 of 5 checks FAILED');

    const json = await checkAam(['staging', '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.environments.map((e: any) => [e.environment, e.file, e.imsOrgId, e.ok])).toEqual([
      ['staging', 'environments/staging.json', ORG, false],
    ]);
    expect(report.environments[0].checks.map((c: any) => c.status)).toEqual(['pass', 'pass', 'fail', 'fail', 'fail']);
    expect(report.environments[0].checks[2]).toEqual({
      dataSource: 'Recipient - Visitor ID (Defaultdatasources)',
      check: `AAM Destination ID ${id} is active`,
      status: 'fail',
      detail: 'Audience Manager says its status is "inactive"',
      fix: `ask Adobe to activate destination ${id}, or check it is the ID Adobe sent for this data source`,
    });
    expectSafe(json);
  });

  it('exits 1 for a destination Audience Manager does not have, naming the ones it does', async () => {
    fake.destinations = fake.destinations.filter((d) => d.destinationId !== 300402);
    const result = await checkAam(['production']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '  ✗ Globex CRM ID: AAM Destination ID 300402 exists in Audience Manager — Audience Manager has no destination 300402 (404 Not Found); destinations that may be meant: ',
    );
    expect(result.stdout).toContain(
      "      what to do: copy the AAM Destination ID again from Adobe's reply into campaign.dataSources[1].aamDestinationId in environments/production.json",
    );
  });

  it('renews an expired token once and carries on', async () => {
    fake.fail({
      path: '/v1/datasources/',
      status: 401,
      headers: {
        'WWW-Authenticate':
          'Bearer realm="oauth", error="invalid_token", error_description="Access token expired: {token}"',
      },
    });
    const result = await checkAam(['staging']);
    expect(result.status).toBe(0);
    expect(fake.issuedTokens).toHaveLength(2);
    expectSafe(result);
  });

  it('honours Retry-After on a 429 and carries on', async () => {
    fake.fail({ path: '/v1/destinations/', status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const result = await checkAam(['staging']);
    expect(result.status).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(fake.requests.filter((r) => r.path.startsWith('/v1/destinations/'))).toHaveLength(2);
  });

  it.each([
    [
      'an unknown environment',
      ['prod'],
      {},
      'check-aam: no environment named "prod" (did you mean "production"?); known: production, staging',
    ],
    [
      'a missing credential',
      ['staging'],
      { AAM_CLIENT_SECRET: '' },
      'check-aam: AAM_CLIENT_SECRET is not set: the check signs in to Audience Manager with an Adobe Developer Console OAuth Server-to-Server credential (see docs/audience-manager-check.md)',
    ],
    [
      'a base URL in clear text to another machine',
      ['staging'],
      { AAM_IMS_URL: 'http://ims.example.com' },
      'check-aam: AAM_IMS_URL must be an https:// URL (plain http only for 127.0.0.1 or localhost), so the credentials and token never cross the network in clear text; got http://ims.example.com',
    ],
    [
      'an unknown option',
      ['--jsn'],
      {},
      `check-aam: Unknown option '--jsn'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--jsn"`,
    ],
  ])('exits 2 for %s, with a clear message', async (_what, args, env, message) => {
    const result = await checkAam(args, env);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('exits 2 when Audience Manager refuses the org (403) or answers too slowly', async () => {
    fake.orgs.clear();
    const forbidden = await checkAam(['staging']);
    expect(forbidden.status).toBe(2);
    expect(forbidden.stderr).toBe(
      `check-aam: Audience Manager refused while trying to list data sources for ${ORG}: 403 Forbidden (Audience Manager says: You do not have access to the resource.). ` +
        "The credential's product profile must grant read access to destinations and data sources; with role-based access, add its technical account to a group that may read them\n",
    );
    expectSafe(forbidden);

    fake.orgs.add(ORG);
    fake.fail({ path: '/v1/datasources/', status: 200, body: [], delayMs: 15_000 });
    // Long enough for the token request on a busy machine, far shorter than the slow answer.
    const slow = await checkAam(['staging'], { AAM_TIMEOUT_SECONDS: '3' });
    expect(slow.status).toBe(2);
    expect(slow.stderr).toBe(
      'check-aam: Audience Manager did not answer within 3 s while trying to list data sources; try again later, or allow more time with AAM_TIMEOUT_SECONDS\n',
    );
  });

  it('exits 2 when IMS refuses the credential, without printing the secret', async () => {
    const result = await checkAam(['staging'], { AAM_CLIENT_SECRET: 'p8e-an-old-secret' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('check-aam: Adobe IMS refused to issue a token: HTTP 401 (invalid_client');
    expect(result.stderr).not.toContain('p8e-an-old-secret');
  });
});
