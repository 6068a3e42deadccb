import { fileWith, resourcesOf, synthStack } from '../../support/environment';

type Json = Record<string, any>;

/** Campaign settings by kind: the `input` of every terraform_data resource. */
function settings(synthesized: string): Json[] {
  return resourcesOf(synthesized, 'terraform_data').map((r) => r.input);
}

/** Settings of one kind, in declaration order (Terraform JSON sorts resources by logical ID). */
const ofKind = (synthesized: string, kind: string) =>
  settings(synthesized)
    .filter((s) => s.kind === kind)
    .sort((a, b) => order(a) - order(b));
const order = (s: Json) => (s.name === 'exportSharedAudience' || s.action === 'create' ? 1 : 0);

/** Every resource of a synthesized stack keyed `type.name`, without cdktf's metadata. */
function resourceMap(synthesized: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [type, byName] of Object.entries((JSON.parse(synthesized) as Json).resource as Json)) {
    for (const [name, body] of Object.entries(byName as Json)) {
      const { '//': _metadata, ...rest } = body as Json;
      map.set(`${type}.${name}`, JSON.stringify(rest));
    }
  }
  return map;
}

function changedResources(before: string, after: string): string[] {
  const a = resourceMap(before);
  const b = resourceMap(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
}

const withDeclaredId = (f: Json) => {
  f.request.identity = 'declared-id';
  f.campaign.dataSources.push({
    type: 'declared-id',
    label: 'CRM ID',
    alias: 'Adobe Campaign (DeclaredId)',
    aamDestinationId: '654321',
    reconciliationKey: 'crmId',
  });
};

describe('Campaign custom resources', () => {
  it("records the provisioning request with exactly the fields of Adobe's table", async () => {
    expect(ofKind(await synthStack(), 'provisioning-request')).toEqual([
      {
        kind: 'provisioning-request',
        requestType: 'Configure AAM/People core service-Campaign Integration',
        organizationName: 'Initech',
        imsOrgId: 'ABCDEF0123456789ABCDEF01@AdobeOrg',
        environment: 'Test',
        service: 'Adobe Audience Manager',
        ownsAudienceManagerLicense: 'no',
        identity: 'Visitor ID',
        additionalInformation: '',
        recipient: 'Digital-Request@adobe.com',
      },
    ]);
  });

  it('records both external accounts with the receiver server Campaign expects and the active key ID, never the secret', async () => {
    const accounts = ofKind(await synthStack(), 'external-account');
    expect(accounts).toEqual([
      expect.objectContaining({
        name: 'importSharedAudience',
        direction: 'Audience Manager -> Campaign',
        receiverServer: 'initech-campaign-aam-test.s3.amazonaws.com/campaign-aam/import',
        region: 'us-east-1',
        keySlot: 'blue',
      }),
      expect.objectContaining({
        name: 'exportSharedAudience',
        direction: 'Campaign -> Audience Manager',
        receiverServer: 'initech-campaign-aam-test.s3.amazonaws.com/campaign-aam/export',
        region: 'us-east-1',
        keySlot: 'blue',
      }),
    ]);
    for (const account of accounts) {
      expect(account.accessKeyId).toMatch(/^\$\{aws_iam_access_key\.[^.]+key-blue[^.]*\.id\}$/);
      expect(JSON.stringify(account)).not.toMatch(/secret/i);
    }
  });

  it('points the external accounts at the active slot during a rotation', async () => {
    const rotating = await synthStack(
      fileWith((f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'green' })),
    );
    for (const account of ofKind(rotating, 'external-account')) {
      expect(account).toMatchObject({ keySlot: 'green', accessKeyId: expect.stringMatching(/key-green/) });
    }
  });

  it('records the built-in Visitor ID data source and a created Declared ID data source', async () => {
    expect(ofKind(await synthStack(fileWith(withDeclaredId)), 'shared-data-source')).toEqual([
      {
        kind: 'shared-data-source',
        label: 'Recipient - Visitor ID (Defaultdatasources)',
        alias: 'Adobe Campaign',
        aamDestinationId: '123456',
        reconciliation: 'Visitor ID',
        servesTriggers: 'false',
        action: 'edit existing',
      },
      {
        kind: 'shared-data-source',
        label: 'CRM ID',
        alias: 'Adobe Campaign (DeclaredId)',
        aamDestinationId: '654321',
        reconciliation: 'crmId',
        servesTriggers: 'false',
        action: 'create',
      },
    ]);
  });

  it('marks a destination ID Adobe has not sent yet as pending, and Triggers sources as not needing one', async () => {
    const synthesized = await synthStack(
      fileWith((f) => {
        delete f.campaign.dataSources[0].aamDestinationId;
        f.campaign.dataSources.push({
          type: 'declared-id',
          label: 'Triggers',
          alias: 'Triggers',
          reconciliationKey: 'email',
          servesTriggers: true,
          priority: 100,
        });
      }),
    );
    expect(ofKind(synthesized, 'shared-data-source')).toEqual([
      expect.objectContaining({ aamDestinationId: 'pending from Adobe' }),
      expect.objectContaining({ aamDestinationId: 'not required (Triggers)', servesTriggers: 'true', priority: '100' }),
    ]);
  });

  it('records the Visitor ID service when declared', async () => {
    expect(ofKind(await synthStack(), 'visitor-id-service')).toEqual([]);
    const synthesized = await synthStack(
      fileWith(
        (f) =>
          (f.campaign.visitorIdService = {
            trackingServer: 'm.initech.example',
            trackingServerSecure: 'sm.initech.example',
          }),
      ),
    );
    expect(ofKind(synthesized, 'visitor-id-service')).toEqual([
      {
        kind: 'visitor-id-service',
        imsOrgId: 'ABCDEF0123456789ABCDEF01@AdobeOrg',
        trackingServer: 'm.initech.example',
        trackingServerSecure: 'sm.initech.example',
      },
    ]);
  });

  it('changes exactly one resource when one data source field changes', async () => {
    const before = await synthStack(fileWith(withDeclaredId));
    const after = await synthStack(
      fileWith((f) => {
        withDeclaredId(f);
        f.campaign.dataSources[1].aamDestinationId = '999999';
      }),
    );
    expect(changedResources(before, after)).toEqual([
      expect.stringMatching(/^terraform_data\.integration_data-source-crm-id_setting_/),
    ]);
  });

  it('changes nothing when data sources are reordered', async () => {
    const before = await synthStack(fileWith(withDeclaredId));
    const after = await synthStack(
      fileWith((f) => {
        withDeclaredId(f);
        f.campaign.dataSources.reverse();
      }),
    );
    expect(changedResources(before, after)).toEqual([]);
  });

  it('changes only the external accounts when the active key slot switches', async () => {
    const before = await synthStack(fileWith((f) => (f.accessKey = { slots: ['blue', 'green'] })));
    const after = await synthStack(fileWith((f) => (f.accessKey = { slots: ['blue', 'green'], activeSlot: 'green' })));
    expect(changedResources(before, after).sort()).toEqual([
      expect.stringMatching(/^terraform_data\.integration_external-account-export_/),
      expect.stringMatching(/^terraform_data\.integration_external-account-import_/),
    ]);
  });
});
