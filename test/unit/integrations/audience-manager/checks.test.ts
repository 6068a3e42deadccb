import type { AamDataSource, AamDestination } from '../../../../integrations/audience-manager/api-shapes';
import { checkEnvironment, dataSourcesNamedBy } from '../../../../integrations/audience-manager/checks';
import type { AamFacts } from '../../../../integrations/audience-manager/facts';
import { environment, fileWith } from '../../../support/environment';

const MID: AamDataSource = { dataSourceId: 1001, name: 'Adobe Campaign (MID)', integrationCode: 'adobe_campaign_mid' };
const DECLARED: AamDataSource = {
  dataSourceId: 1002,
  name: 'Adobe Campaign (DeclaredId)',
  integrationCode: 'AdobeCampaignID',
};
const OTHER: AamDataSource = { dataSourceId: 1003, name: 'CRM onboarding', integrationCode: 'crm' };
const STAGING = { name: 'staging', label: 'Staging', sourceFile: 'environments/staging.json' };

const visitorDestination: AamDestination = {
  destinationId: 123456,
  name: 'Adobe Campaign MID - Test',
  status: 'active',
  dataSourceId: 1001,
};
const declaredDestination: AamDestination = {
  destinationId: 654321,
  name: 'Adobe Campaign DeclaredId - Test',
  status: 'active',
  dataSourceId: 1002,
};

/** A test environment with a Visitor ID and a Declared ID data source, both with destinations. */
const withDeclaredId = (change: (f: Record<string, any>) => void = () => undefined) =>
  fileWith((f) => {
    f.request.identity = 'declared-id';
    f.campaign.dataSources.push({
      type: 'declared-id',
      label: 'CRM ID',
      alias: 'Adobe Campaign (DeclaredId)',
      aamDestinationId: '654321',
      reconciliationKey: 'crmId',
    });
    change(f);
  });

function facts(change: Partial<AamFacts> = {}): AamFacts {
  return {
    dataSources: [MID, DECLARED, OTHER],
    destinations: new Map([
      ['123456', visitorDestination],
      ['654321', declaredDestination],
    ]),
    ...change,
  };
}

async function check(file: Record<string, any>, f: AamFacts = facts()) {
  return checkEnvironment(await environment(file, 'test'), f, [STAGING]);
}

const summary = (results: Awaited<ReturnType<typeof check>>) =>
  results.map((r) => `${r.status} ${r.dataSource}: ${r.check}`);

describe('the checks of one environment against Audience Manager', () => {
  it('passes every check, one line each, in Campaign words, when Audience Manager agrees', async () => {
    const results = await check(withDeclaredId());
    expect(summary(results)).toEqual([
      'pass Recipient - Visitor ID (Defaultdatasources): Data Source/Alias "Adobe Campaign" is a data source in Audience Manager',
      'pass Recipient - Visitor ID (Defaultdatasources): AAM Destination ID 123456 exists in Audience Manager',
      'pass Recipient - Visitor ID (Defaultdatasources): AAM Destination ID 123456 is active',
      'pass Recipient - Visitor ID (Defaultdatasources): AAM Destination ID 123456 is a destination of Data Source/Alias "Adobe Campaign"',
      "pass Recipient - Visitor ID (Defaultdatasources): AAM Destination ID 123456 is not another environment's",
      'pass CRM ID: Data Source/Alias "Adobe Campaign (DeclaredId)" is a data source in Audience Manager',
      'pass CRM ID: Integration code (in Audience Manager) is "AdobeCampaignID"',
      'pass CRM ID: AAM Destination ID 654321 exists in Audience Manager',
      'pass CRM ID: AAM Destination ID 654321 is active',
      'pass CRM ID: AAM Destination ID 654321 is a destination of Data Source/Alias "Adobe Campaign (DeclaredId)"',
      "pass CRM ID: AAM Destination ID 654321 is not another environment's",
    ]);
    expect(results[0].detail).toBe('Audience Manager has "Adobe Campaign (MID)" (ID 1001)');
    expect(results.every((r) => r.fix === undefined)).toBe(true);
  });

  it('fails an alias Audience Manager has no data source for, says which it has, and skips what depends on it', async () => {
    const results = await check(
      withDeclaredId((f) => (f.campaign.dataSources[1].alias = 'Adobe Campain (DeclaredId)')),
    );
    const crm = results.filter((r) => r.dataSource === 'CRM ID');
    expect(summary(crm)).toEqual([
      'fail CRM ID: Data Source/Alias "Adobe Campain (DeclaredId)" is a data source in Audience Manager',
      'pass CRM ID: AAM Destination ID 654321 exists in Audience Manager',
      'pass CRM ID: AAM Destination ID 654321 is active',
      "pass CRM ID: AAM Destination ID 654321 is not another environment's",
    ]);
    expect(crm[0].detail).toBe(
      'Audience Manager has no data source named "Adobe Campain (DeclaredId)" or with that integration code; it has "Adobe Campaign (MID)" (ID 1001), "Adobe Campaign (DeclaredId)" (ID 1002), "CRM onboarding" (ID 1003)',
    );
    expect(crm[0].fix).toBe(
      'set Data Source/Alias to the data source Adobe named in its reply, on the Shared Data Sources screen and in campaign.dataSources[1].alias in environments/test.json',
    );
  });

  it("finds the data source an alias names by name or integration code, ignoring case and spacing, or by Adobe's qualified name", () => {
    expect(dataSourcesNamedBy('  ADOBECAMPAIGNID ', [MID, DECLARED], 'declared-id')).toEqual([DECLARED]);
    expect(dataSourcesNamedBy('adobe   campaign (mid)', [MID, DECLARED], 'declared-id')).toEqual([MID]);
    // Campaign's built-in "Adobe Campaign" is Adobe's "Adobe Campaign (MID)", not its DeclaredId sibling.
    expect(dataSourcesNamedBy('Adobe Campaign', [DECLARED, MID], 'visitor-id')).toEqual([MID]);
    expect(dataSourcesNamedBy('Adobe Campaign', [DECLARED, OTHER], 'visitor-id')).toEqual([DECLARED]);
    expect(dataSourcesNamedBy('Adobe', [MID, DECLARED], 'visitor-id')).toEqual([]);
  });

  it("fails a Declared ID whose integration code is not the data source's in Audience Manager", async () => {
    const results = await check(withDeclaredId((f) => (f.campaign.dataSources[1].integrationCode = 'CrmId')));
    const code = results.find((r) => r.check.startsWith('Integration code'))!;
    expect(code).toEqual({
      dataSource: 'CRM ID',
      check: 'Integration code (in Audience Manager) is "CrmId"',
      status: 'fail',
      detail: 'Audience Manager gives "Adobe Campaign (DeclaredId)" (ID 1002) the integration code "AdobeCampaignID"',
      fix: "set campaign.dataSources[1].integrationCode in environments/test.json to Audience Manager's code: the web pages send the declared ID under it with setCustomerIDs",
    });
  });

  it('fails a destination Audience Manager does not know, suggests the ones it has for that data source, and checks nothing more of it', async () => {
    const staging: AamDestination = { destinationId: 123999, name: 'Adobe Campaign MID - Staging', status: 'active' };
    const unrelated: AamDestination = { destinationId: 777, name: 'Display partner', status: 'active' };
    const results = await check(
      withDeclaredId(),
      facts({
        destinations: new Map([
          ['123456', undefined],
          ['654321', declaredDestination],
        ]),
        allDestinations: [declaredDestination, staging, unrelated, { ...visitorDestination, destinationId: 123457 }],
      }),
    );
    const visitor = results.filter((r) => r.dataSource.startsWith('Recipient'));
    expect(summary(visitor)).toEqual([
      'pass Recipient - Visitor ID (Defaultdatasources): Data Source/Alias "Adobe Campaign" is a data source in Audience Manager',
      'fail Recipient - Visitor ID (Defaultdatasources): AAM Destination ID 123456 exists in Audience Manager',
    ]);
    expect(visitor[1].detail).toBe(
      'Audience Manager has no destination 123456 (404 Not Found); destinations that may be meant: 654321 "Adobe Campaign DeclaredId - Test", 123457 "Adobe Campaign MID - Test"',
    );
    expect(visitor[1].fix).toContain(
      "copy the AAM Destination ID again from Adobe's reply into campaign.dataSources[0].aamDestinationId in environments/test.json",
    );
  });

  it('fails an inactive destination with the status Audience Manager reports', async () => {
    const results = await check(
      withDeclaredId(),
      facts({
        destinations: new Map([
          ['123456', { ...visitorDestination, status: 'inactive' }],
          ['654321', declaredDestination],
        ]),
      }),
    );
    const active = results.find((r) => r.check === 'AAM Destination ID 123456 is active')!;
    expect([active.status, active.detail]).toEqual(['fail', 'Audience Manager says its status is "inactive"']);
    expect(active.fix).toBe(
      'ask Adobe to activate destination 123456, or check it is the ID Adobe sent for this data source',
    );
    expect(results.filter((r) => r.status === 'fail')).toHaveLength(1);
  });

  it('fails destinations swapped between the two data sources, saying whose each one is', async () => {
    const results = await check(
      withDeclaredId((f) => {
        f.campaign.dataSources[0].aamDestinationId = '654321';
        f.campaign.dataSources[1].aamDestinationId = '123456';
      }),
    );
    const owners = results.filter((r) => r.check.includes('is a destination of'));
    expect(owners.map((r) => [r.status, r.detail])).toEqual([
      [
        'fail',
        'Audience Manager ties it to "Adobe Campaign (DeclaredId)" (ID 1002), not to "Adobe Campaign (MID)" (ID 1001)',
      ],
      [
        'fail',
        'Audience Manager ties it to "Adobe Campaign (MID)" (ID 1001), not to "Adobe Campaign (DeclaredId)" (ID 1002)',
      ],
    ]);
  });

  it('fails a destination Audience Manager ties to no data source', async () => {
    const results = await check(
      withDeclaredId(),
      facts({
        destinations: new Map([
          ['123456', { ...visitorDestination, dataSourceId: null }],
          ['654321', declaredDestination],
        ]),
      }),
    );
    const owner = results.find((r) => r.check.startsWith('AAM Destination ID 123456 is a destination of'))!;
    expect([owner.status, owner.detail]).toEqual([
      'fail',
      'Audience Manager ties it to no data source, not to "Adobe Campaign (MID)" (ID 1001)',
    ]);
  });

  it('fails a destination Audience Manager names for another environment, and passes one that also names this one', async () => {
    const stagingsName = { ...visitorDestination, name: 'Adobe Campaign MID – staging' };
    const failed = await check(
      withDeclaredId(),
      facts({
        destinations: new Map([
          ['123456', stagingsName],
          ['654321', declaredDestination],
        ]),
      }),
    );
    const claim = failed.find((r) => r.check === "AAM Destination ID 123456 is not another environment's")!;
    expect(claim.status).toBe('fail');
    expect(claim.detail).toBe(
      'Audience Manager names it "Adobe Campaign MID – staging", which reads as staging\'s (environments/staging.json)',
    );
    expect(claim.fix).toBe(
      'use the AAM Destination ID Adobe sent for Test in campaign.dataSources[0].aamDestinationId in environments/test.json; if the name is only misleading, ask Adobe to rename the destination',
    );

    const both = { ...visitorDestination, name: 'Adobe Campaign MID (Test, copy of Staging)' };
    const passed = await check(
      withDeclaredId(),
      facts({
        destinations: new Map([
          ['123456', both],
          ['654321', declaredDestination],
        ]),
      }),
    );
    expect(passed.every((r) => r.status === 'pass')).toBe(true);
    // "Stagingarea" is not the word "Staging".
    const word = { ...visitorDestination, name: 'Adobe Campaign Stagingarea' };
    const notAWord = await check(
      withDeclaredId(),
      facts({
        destinations: new Map([
          ['123456', word],
          ['654321', declaredDestination],
        ]),
      }),
    );
    expect(notAWord.every((r) => r.status === 'pass')).toBe(true);
  });

  it('skips an AAM Destination ID still pending from Adobe, and one Triggers does not need', async () => {
    const results = await check(
      withDeclaredId((f) => {
        delete f.campaign.dataSources[0].aamDestinationId;
        delete f.campaign.dataSources[1].aamDestinationId;
        f.campaign.dataSources[1].servesTriggers = true;
      }),
    );
    expect(summary(results).filter((s) => s.startsWith('skip'))).toEqual([
      'skip Recipient - Visitor ID (Defaultdatasources): AAM Destination ID: pending from Adobe',
      'skip CRM ID: AAM Destination ID: not required (Triggers)',
    ]);
    expect(results.some((r) => r.status === 'fail')).toBe(false);
  });
});
