import { DEFAULTS } from '../../../config/defaults';
import { environment, fileWith, ownedReceiver } from '../../support/environment';

describe('environment defaults', () => {
  it('fills every optional setting from DEFAULTS', async () => {
    const env = await environment();
    expect(env.name).toBe('test');
    expect(env.sourceFile).toBe('environments/test.json');
    expect(env.receiver).toMatchObject(DEFAULTS.receiver);
    expect(env.accessKey).toEqual({ slots: ['blue'], activeSlot: 'blue' });
    expect(env.dns.ttl).toBe(DEFAULTS.dns.ttl);
    expect(env.request.recipient).toBe('Digital-Request@adobe.com');
    expect(env.campaign.externalAccounts).toEqual({
      import: { name: 'importSharedAudience', folder: 'import' },
      export: { name: 'exportSharedAudience', folder: 'export' },
    });
    expect(env.campaign.dataSources[0]).toMatchObject({ alias: 'Adobe Campaign', servesTriggers: false });
    expect(env.backend).toEqual({ type: 'local' });
  });

  it('keeps explicit values over defaults', async () => {
    const env = await environment(
      fileWith((f) => {
        f.receiver.prefix = 'aam/segments/';
        f.receiver.segmentRetentionDays = 90;
        f.backend = {
          type: 's3',
          bucket: 'initech-state',
          key: 'aam/test.tfstate',
          region: 'us-east-1',
          useLockfile: false,
        };
      }),
    );
    expect(ownedReceiver(env).prefix).toBe('aam/segments/');
    expect(ownedReceiver(env).segmentRetentionDays).toBe(90);
    expect(env.backend).toEqual({
      type: 's3',
      bucket: 'initech-state',
      key: 'aam/test.tfstate',
      region: 'us-east-1',
      encrypt: true,
      useLockfile: false,
    });
  });

  it('normalizes host names to lowercase without a trailing dot', async () => {
    const env = await environment(
      fileWith((f) => {
        f.dns.zoneName = 'Initech.Example.';
        f.dns.trackingServer.records[0].hostname = 'T.Initech.example.';
      }),
    );
    expect(env.dns.zoneName).toBe('initech.example');
    expect(env.dns.trackingServer).toMatchObject({ records: [{ hostname: 't.initech.example' }] });
  });
});
