import { campaignSetupSheet } from '../../../handoff/campaign-setup-sheet';
import { environment, fileWith } from '../../support/environment';

const ctx = { stackDir: 'cdktf.out/stacks/test', emailFile: 'provisioning-request.eml' };

describe('Campaign setup sheet', () => {
  let sheet: string;
  beforeAll(async () => (sheet = campaignSetupSheet(await environment(), ctx)));

  it("walks the seed's four steps in order", async () => {
    const headings = sheet.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## How data flows',
      '## Before you start: the request to Adobe',
      '## Step 1: External accounts',
      '## Step 2: Shared data sources',
      '## Step 3: Tracking server',
      '## Step 4: Visitor ID service',
      '## Rotating the access key without downtime',
      '## Switching who provisions the receiver',
    ]);
  });

  it('gives the exact external account values, and terraform output names for values known after deploy', async () => {
    expect(sheet).toContain('| Receiver server | `initech-campaign-aam-test.s3.amazonaws.com/campaign-aam/import` |');
    expect(sheet).toContain('| Receiver server | `initech-campaign-aam-test.s3.amazonaws.com/campaign-aam/export` |');
    expect(sheet).toContain(
      [
        '```sh',
        '# AWS Access Key ID',
        'terraform -chdir=cdktf.out/stacks/test output -raw access_key_id',
        '# Secret Access Key (sensitive: paste it straight into Campaign, never into a ticket or chat)',
        'terraform -chdir=cdktf.out/stacks/test output -raw secret_access_key_blue',
        '```',
      ].join('\n'),
    );
    expect(sheet).toContain(
      '| AWS Access Key ID | the AWS Access Key ID printed by the first command above (key slot `blue`) |',
    );
    // Commands never sit in table cells, where pipes would need escaping and break when copied.
    expect(sheet.split('\n').filter((line) => line.startsWith('|') && line.includes('terraform'))).toEqual([]);
    expect(sheet).toContain('| AWS Region | `us-east-1` |');
  });

  it('explains how to decrypt the secret when a PGP key is used', async () => {
    const pgp = campaignSetupSheet(
      await environment(fileWith((f) => (f.accessKey = { pgpPublicKey: 'keybase:initech_ops' }))),
      ctx,
    );
    expect(pgp).toContain(
      '\nterraform -chdir=cdktf.out/stacks/test output -raw encrypted_secret_access_key_blue | base64 --decode | gpg --decrypt\n',
    );
    expect(pgp).not.toContain('\\|');
    expect(pgp).not.toMatch(/output -raw secret_access_key_blue/);
  });

  it('includes a Mermaid diagram of the data flow through the bucket', async () => {
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(sheet)?.[1] ?? '';
    expect(diagram).toContain('subgraph S3["s3://initech-campaign-aam-test/campaign-aam/"]');
    expect(diagram).toContain('IMP -- "importSharedAudience" --> AC');
    expect(diagram).toContain('AC -- "exportSharedAudience" --> EXP');
  });

  it('lists data sources with their destination IDs, marking missing ones as pending', async () => {
    expect(sheet).toContain('| AAM Destination ID | 123456 |');
    const pending = campaignSetupSheet(
      await environment(fileWith((f) => delete f.campaign.dataSources[0].aamDestinationId)),
      ctx,
    );
    expect(pending).toMatch(/\| AAM Destination ID \| \*\*pending\*\*/);
  });

  it('shows the DNS records of the tracking server', async () => {
    expect(sheet).toContain('| `t.initech.example` CNAME | `initech.campaign.adobe.com` |');
  });

  it('gives the Visitor ID service snippet, with setCustomerIDs for a Declared ID integration', async () => {
    const declared = campaignSetupSheet(
      await environment(
        fileWith((f) => {
          f.request.identity = 'declared-id';
          f.campaign.dataSources.push({ type: 'declared-id', label: 'CRM', alias: 'CRM', reconciliationKey: 'crmId' });
          f.campaign.visitorIdService = {
            trackingServer: 'm.initech.example',
            trackingServerSecure: 'sm.initech.example',
          };
        }),
      ),
      ctx,
    );
    expect(declared).toContain(
      'var visitor = Visitor.getInstance("ABCDEF0123456789ABCDEF01@AdobeOrg", {\n  trackingServer: "m.initech.example",\n  trackingServerSecure: "sm.initech.example"\n});',
    );
    expect(declared).toContain('AdobeCampaignID: { id: customerId, authState: Visitor.AuthState.AUTHENTICATED }');
    expect(declared).toContain("recipient's crmId in Campaign");
    expect(sheet).toContain('No Visitor ID service is declared');
  });

  it("uses each declared ID's integration code, shown beside its data source", async () => {
    const custom = campaignSetupSheet(
      await environment(
        fileWith((f) => {
          f.request.identity = 'declared-id';
          f.campaign.dataSources.push(
            {
              type: 'declared-id',
              label: 'CRM',
              alias: 'CRM',
              reconciliationKey: 'crmId',
              integrationCode: 'GlobexCRM',
            },
            { type: 'declared-id', label: 'Loyalty', alias: 'Loyalty', reconciliationKey: 'loyaltyId' },
          );
          f.campaign.visitorIdService = {
            trackingServer: 'm.initech.example',
            trackingServerSecure: 'sm.initech.example',
          };
        }),
      ),
      ctx,
    );
    expect(custom).toContain(
      '| Integration code (in Audience Manager) | `GlobexCRM` (the key the site sends this ID under) |',
    );
    expect(custom).toContain(
      [
        'visitor.setCustomerIDs({',
        '  GlobexCRM: { id: customerId, authState: Visitor.AuthState.AUTHENTICATED },',
        '  AdobeCampaignID: { id: customerId, authState: Visitor.AuthState.AUTHENTICATED }',
        '});',
      ].join('\n'),
    );
  });

  it('names the tracking host in delegation mode too', async () => {
    const delegated = campaignSetupSheet(
      await environment(
        fileWith(
          (f) =>
            (f.dns.trackingServer = {
              method: 'delegation',
              subdomain: 'email.initech.example',
              nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
            }),
        ),
      ),
      ctx,
    );
    expect(delegated).toMatch(/Tracking host: `email\.initech\.example`, whose name servers Adobe runs/);
    expect(sheet).toContain('Tracking host: `t.initech.example`.');
  });

  it('escapes table-breaking characters in user text', async () => {
    const piped = campaignSetupSheet(
      await environment(
        fileWith((f) =>
          f.campaign.dataSources.push({ type: 'declared-id', label: 'A|B', alias: 'X|Y', reconciliationKey: 'k' }),
        ),
      ),
      ctx,
    );
    expect(piped).toContain('| Label | A\\|B |');
  });

  describe('key rotation, from where the environment stands', () => {
    const rotation = async (slots: string[], activeSlot: string) => {
      const text = campaignSetupSheet(await environment(fileWith((f) => (f.accessKey = { slots, activeSlot }))), ctx);
      return text
        .slice(text.indexOf('## Rotating the access key'))
        .split('\n')
        .filter((l) => /^\d\./.test(l));
    };

    it('one slot: add the other, switch, retire the current one', async () => {
      expect(await rotation(['green'], 'green')).toEqual([
        '1. Add a slot: `"slots": ["green", "blue"]`, deploy. Both keys work.',
        '2. Switch: `"activeSlot": "blue"`, deploy, then enter the new key in both external accounts (steps above) and test the connection.',
        '3. Retire: `"slots": ["blue"]`, deploy. The old key is deleted.',
      ]);
    });

    it('two slots, the old one active: switch to the new one next, never retire it', async () => {
      const steps = await rotation(['blue', 'green'], 'blue');
      expect(steps[0]).toBe('1. Add a slot: done (`"slots": ["blue", "green"]`). Both keys work.');
      expect(steps[1]).toMatch(/^2\. Switch: `"activeSlot": "green"`, deploy/);
      expect(steps[2]).toMatch(/^3\. Retire: `"slots": \["green"\]`, deploy\. The `blue` key is deleted/);
    });

    it('two slots, the new one active: only retiring the old one is left', async () => {
      const steps = await rotation(['blue', 'green'], 'green');
      expect(steps[1]).toMatch(/^2\. Switch: done \(`"activeSlot": "green"`\)\. .*`npm run verify -- test`/);
      expect(steps[2]).toMatch(/^3\. Retire: `"slots": \["green"\]`, deploy\. The `blue` key is deleted/);
    });
  });
});
