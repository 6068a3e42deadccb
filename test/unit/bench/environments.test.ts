import { join } from 'node:path';
import { writeBenchmarkEnvironments } from '../../../bench/environments';
import type { Environment } from '../../../config/environment';
import { loadEnvironments } from '../../../config/load';
import { ownedReceiver } from '../../support/environment';
import { tempDir } from '../../support/temp';

describe('benchmark environments', () => {
  const project = tempDir();
  const names = writeBenchmarkEnvironments(join(project, 'environments'), 200);
  // Every file passes the schema, the cross-field rules and the rules across files.
  let environments: Environment[];
  beforeAll(async () => {
    environments = await loadEnvironments({
      projectDir: project,
      environmentsDir: join(project, 'environments'),
      outputDirs: [join(project, 'cdktf.out')],
    });
  });

  it('are all valid', () => {
    expect(environments.map((e) => e.name)).toEqual([...names].sort());
  });

  it('are all distinct: own bucket, hosted zone, host names and destination IDs', () => {
    const distinct = (values: string[]) => new Set(values).size === values.length;
    expect(distinct(environments.map((e) => ownedReceiver(e).bucketName))).toBe(true);
    expect(distinct(environments.map((e) => e.dns.hostedZoneId))).toBe(true);
    expect(distinct(environments.map((e) => e.dns.zoneName))).toBe(true);
    const hosts = environments.flatMap((e) =>
      e.dns.trackingServer.method === 'cname' ? e.dns.trackingServer.records.map((r) => r.hostname) : [],
    );
    expect(hosts).toHaveLength(400);
    expect(distinct(hosts)).toBe(true);
    expect(distinct(environments.flatMap((e) => e.campaign.dataSources.map((d) => d.aamDestinationId ?? '')))).toBe(
      true,
    );
  });

  it('each have both external accounts, both data sources, tracking records and the Visitor ID service', () => {
    for (const env of environments) {
      expect(env.campaign.externalAccounts.import.name).not.toBe(env.campaign.externalAccounts.export.name);
      expect(env.campaign.dataSources.map((d) => d.type).sort()).toEqual(['declared-id', 'visitor-id']);
      expect(env.dns.trackingServer.method).toBe('cname');
      expect(env.campaign.visitorIdService).toBeDefined();
    }
  });

  it('cover every tier, as brands × stages do', () => {
    expect(new Set(environments.map((e) => e.environment.tier))).toEqual(
      new Set(['development', 'staging', 'production']),
    );
  });
});
