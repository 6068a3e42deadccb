import { parseEnvironment } from '../../../config/load';
import { environment, fileWith } from '../../support/environment';

const accepted = async (change: (f: Record<string, any>) => void) => {
  const parsed = await parseEnvironment('environments/test.json', JSON.stringify(fileWith(change)));
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path} [${p.rule}]`);
};

const S3_BACKEND = { type: 's3', bucket: 'initech-state', key: 'campaign-aam/test.tfstate', region: 'us-east-1' };

describe('values normalized instead of rejected', () => {
  it('host names: surrounding whitespace and one trailing dot removed, lowercase', async () => {
    const env = await environment(
      fileWith((f) => {
        f.dns.zoneName = 'INITECH.example.';
        f.dns.trackingServer.records[0] = { hostname: ' T.Initech.Example. ', target: 'Initech.Campaign.Adobe.com.' };
      }),
    );
    expect(env.dns.zoneName).toBe('initech.example');
    expect(env.dns.trackingServer).toEqual({
      method: 'cname',
      records: [{ hostname: 't.initech.example', target: 'initech.campaign.adobe.com' }],
    });
  });

  it('single-line text: Unicode NFC and trimmed, so labels typed differently compare equal', async () => {
    const env = await environment(
      fileWith((f) => {
        f.organization.name = '  Cafe\u0301 Initech\t';
        f.campaign.dataSources.push({
          type: 'declared-id',
          label: 'Cafe\u0301 ID',
          alias: 'A',
          reconciliationKey: 'id',
        });
      }),
    );
    expect(env.organization.name).toBe('Caf\u00e9 Initech');
    expect(env.campaign.dataSources[1]).toMatchObject({ label: 'Caf\u00e9 ID' });
  });

  it('multi-line text: every kind of line break becomes LF, surrounding whitespace removed', async () => {
    const env = await environment(
      fileWith((f) => (f.request.additionalInformation = '\r\nOne\r\nTwo\rThree\u2028Four\u0085Five\n ')),
    );
    expect(env.request.additionalInformation).toBe('One\nTwo\nThree\nFour\nFive');
  });

  it('name servers: compared after normalization', async () => {
    const env = await environment(
      fileWith(
        (f) =>
          (f.dns.trackingServer = {
            method: 'delegation',
            subdomain: 'Email.Initech.Example',
            nameServers: ['NS1.Adobe.Example.', 'ns2.adobe.example'],
          }),
      ),
    );
    expect(env.dns.trackingServer).toMatchObject({
      subdomain: 'email.initech.example',
      nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
    });
  });
});

describe('the accepted side of each boundary', () => {
  it.each([
    [
      '47 tags (AWS allows 50, the stack adds 3)',
      (f: any) => (f.aws.tags = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`Tag${i}`, 'x']))),
    ],
    [
      'a 256-character tag value, counted in Unicode characters',
      (f: any) => (f.aws.tags = { Owner: '\u{1d49c}'.repeat(256) }),
    ],
    ['tag keys that differ in more than case', (f: any) => (f.aws.tags = { CostCenter: 'a', CostCentre: 'b' })],
    ['a 512-character prefix', (f: any) => (f.receiver.prefix = `${'a'.repeat(511)}/`)],
    ['a 128-character folder', (f: any) => (f.campaign.externalAccounts = { import: { folder: 'i'.repeat(128) } })],
    ['emulator port 65535', (f: any) => (f.aws.endpoint = 'http://127.0.0.255:65535')],
    [
      'a multi-Region receiver key',
      (f: any) => (f.receiver.kmsKeyArn = `arn:aws:kms:us-east-1:123456789012:key/mrk-${'a'.repeat(32)}`),
    ],
    [
      'a state key whose ID is a UUID v4',
      (f: any) =>
        (f.backend = {
          ...S3_BACKEND,
          kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
        }),
    ],
    [
      'a state key alias (S3 resolves it)',
      (f: any) =>
        (f.backend = { ...S3_BACKEND, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/terraform-state' }),
    ],
    ['a state bucket other than the receiver', (f: any) => (f.backend = S3_BACKEND)],
    [
      'a local state path with ./ and ..',
      (f: any) => (f.backend = { type: 'local', path: './state/../state/test.tfstate' }),
    ],
    [
      'an absolute local state path, used as is',
      (f: any) => (f.backend = { type: 'local', path: '/var/lib/campaign-aam/test.tfstate' }),
    ],
    [
      'a name server outside the delegated subdomain, under the zone',
      (f: any) =>
        (f.dns.trackingServer = {
          method: 'delegation',
          subdomain: 'email.initech.example',
          nameServers: ['ns1.initech.example', 'ns-email.initech.example'],
        }),
    ],
    [
      'Visitor ID hosts beside the Campaign tracking host',
      (f: any) =>
        (f.campaign.visitorIdService = {
          trackingServer: 'm.initech.example',
          trackingServerSecure: 'sm.initech.example',
        }),
    ],
    [
      'a label with one ASCII letter among others',
      (f: any) =>
        f.campaign.dataSources.push({ type: 'declared-id', label: '顧客 ID', alias: 'A', reconciliationKey: 'id' }),
    ],
    ['a tab inside one line of text', (f: any) => (f.organization.name = 'Initech\tRetail')],
  ])('accepts %s', async (_what, change) => {
    expect(await accepted(change)).toEqual([]);
  });
});
