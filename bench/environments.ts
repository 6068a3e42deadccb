import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAGES = [
  { stage: 'dev', tier: 'development', label: 'Development' },
  { stage: 'staging', tier: 'staging', label: 'Staging' },
  { stage: 'production', tier: 'production', label: 'Production' },
] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The name of the `index`-th benchmark environment: brands × stages, as users with several brands
 * multiply them (`brand-001-dev`, `brand-001-staging`, `brand-001-production`, `brand-002-dev`…).
 */
export function benchmarkEnvironmentName(index: number): string {
  return `brand-${pad(Math.floor(index / STAGES.length) + 1, 3)}-${STAGES[index % STAGES.length].stage}`;
}

/**
 * A complete, valid environment file of its own: both external accounts, both data sources,
 * tracking records and the Visitor ID service, with its own bucket, hosted zone and host names,
 * so no two environments share anything the cross-file rules or Terraform would reject.
 */
export function benchmarkEnvironment(index: number): Record<string, unknown> {
  const { tier, label } = STAGES[index % STAGES.length];
  const name = benchmarkEnvironmentName(index);
  const brand = `brand${pad(Math.floor(index / STAGES.length) + 1, 3)}`;
  const zone = `${name}.${brand}.example`;
  return {
    environment: { label, tier },
    organization: { name: `Brand ${brand}`, imsOrgId: `${pad(index, 24)}@AdobeOrg` },
    request: {
      service: 'audience-manager',
      identity: 'declared-id',
      ownsAudienceManagerLicense: true,
      requester: { name: 'Bench Ops', email: `ops@${brand}.example` },
    },
    aws: { region: 'eu-west-1', accountId: pad(100000000000 + index, 12), tags: { Brand: brand } },
    receiver: {
      bucketName: `campaign-aam-${name}`,
      // S3 delivers access logs only within the source bucket's account: one log bucket per environment.
      accessLogs: { bucketName: `${name}-s3-access-logs`, prefix: `${name}/` },
    },
    dns: {
      hostedZoneId: `Z0BENCH${pad(index, 13)}`,
      zoneName: zone,
      trackingServer: {
        method: 'cname',
        records: [
          { hostname: `t.${zone}`, target: `${name}.campaign.adobe.com` },
          { hostname: `s.${zone}`, target: `${name}-secure.campaign.adobe.com` },
        ],
      },
    },
    campaign: {
      externalAccounts: {
        import: { name: 'importSharedAudience', folder: 'import' },
        export: { name: 'exportSharedAudience', folder: 'export' },
      },
      dataSources: [
        { type: 'visitor-id', aamDestinationId: String(100000 + 2 * index) },
        {
          type: 'declared-id',
          label: `${brand} CRM ID`,
          alias: 'Adobe Campaign (DeclaredId)',
          aamDestinationId: String(100001 + 2 * index),
          reconciliationKey: 'crmId',
        },
      ],
      visitorIdService: { trackingServer: `metrics.${zone}`, trackingServerSecure: `smetrics.${zone}` },
    },
  };
}

/** Writes `count` benchmark environment files into `directory` and returns their names. */
export function writeBenchmarkEnvironments(directory: string, count: number): string[] {
  mkdirSync(directory, { recursive: true });
  return Array.from({ length: count }, (_, index) => {
    const name = benchmarkEnvironmentName(index);
    writeFileSync(join(directory, `${name}.json`), `${JSON.stringify(benchmarkEnvironment(index), null, 2)}\n`);
    return name;
  });
}
