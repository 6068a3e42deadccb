import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { fileWith, resourcesOf, synthStack } from '../../support/environment';

describe('TrackingDns', () => {
  it('creates one CNAME record per tracking host name', async () => {
    const synthesized = await synthStack(
      fileWith((f) => {
        f.dns.ttl = 600;
        f.dns.trackingServer.records.push({ hostname: 'ts.initech.example', target: 'initech-s.campaign.adobe.com' });
      }),
    );
    expect(resourcesOf(synthesized, Route53Record.tfResourceType)).toEqual([
      expect.objectContaining({
        zone_id: 'Z0TESTZONE000000001',
        name: 't.initech.example',
        type: 'CNAME',
        ttl: 600,
        records: ['initech.campaign.adobe.com'],
      }),
      expect.objectContaining({ name: 'ts.initech.example', type: 'CNAME', records: ['initech-s.campaign.adobe.com'] }),
    ]);
  });

  it('delegates the subdomain with NS records to the given name servers', async () => {
    const synthesized = await synthStack(
      fileWith(
        (f) =>
          (f.dns.trackingServer = {
            method: 'delegation',
            subdomain: 'email.initech.example',
            nameServers: ['ns1.adobe.example', 'ns2.adobe.example'],
          }),
      ),
    );
    expect(resourcesOf(synthesized, Route53Record.tfResourceType)).toEqual([
      expect.objectContaining({
        name: 'email.initech.example',
        type: 'NS',
        ttl: 300,
        records: ['ns1.adobe.example', 'ns2.adobe.example'],
      }),
    ]);
  });
});
