import type { z } from 'zod';
// The built-in data source's label is a fixed Campaign word; a declared label may not take it.
import { VISITOR_ID_DATA_SOURCE_LABEL } from '../campaign/vocabulary';
import { checkAdoption } from './adopt-rules';
import { report } from './rule';
import { slug } from './slug';
import type { EnvironmentShape } from './schema';

type Ctx = z.RefinementCtx;

/** Is `name` the zone itself or a name below it? */
const isWithinZone = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);

/**
 * Rules that tie fields together. Each adds issues with the exact path and a rule id; all of them
 * run, so a file with several problems reports them all at once.
 */
export function checkCrossFieldRules(env: EnvironmentShape, ctx: Ctx): void {
  checkProductionSafety(env, ctx);
  checkDataSources(env, ctx);
  checkTrackingDns(env, ctx);
  checkAccessKeySlots(env, ctx);
  checkReceiver(env, ctx);
  checkVisitorIdService(env, ctx);
  checkAdoption(env, ctx);
}

function checkProductionSafety(env: EnvironmentShape, ctx: Ctx): void {
  if (env.environment.tier !== 'production') return;
  if (!env.receiver.versioning) {
    report(
      ctx,
      'production-versioning',
      ['receiver', 'versioning'],
      false,
      'a production environment must keep versioning on: it is what lets you recover an overwritten or deleted audience file',
    );
  }
  if (env.receiver.forceDestroy) {
    report(
      ctx,
      'production-force-destroy',
      ['receiver', 'forceDestroy'],
      true,
      'a production environment may not turn on forceDestroy: it lets `cdktf destroy` delete the bucket with its audience data',
    );
  }
  if (env.aws.endpoint !== undefined) {
    report(
      ctx,
      'production-no-emulator',
      ['aws', 'endpoint'],
      env.aws.endpoint,
      'a production environment may not point at a local emulator endpoint',
    );
  }
}

function checkDataSources(env: EnvironmentShape, ctx: Ctx): void {
  const sources = env.campaign.dataSources;
  const visitorIdCount = sources.filter((s) => s.type === 'visitor-id').length;
  if (visitorIdCount !== 1) {
    report(
      ctx,
      'one-visitor-id-data-source',
      ['campaign', 'dataSources'],
      visitorIdCount,
      `exactly one data source must have \`type: "visitor-id"\` (Recipient - Visitor ID exists out of the box in Campaign); found ${visitorIdCount}`,
    );
  }
  if (env.request.identity === 'declared-id' && !sources.some((s) => s.type === 'declared-id')) {
    report(
      ctx,
      'declared-id-data-source-required',
      ['campaign', 'dataSources'],
      env.request.identity,
      '`request.identity` is "declared-id", so add a data source with `type: "declared-id"` (label, alias, reconciliationKey)',
    );
  }

  const seenLabels = new Map<string, number>();
  const seenAliases = new Map<string, number>();
  sources.forEach((source, index) => {
    const label = source.type === 'declared-id' ? source.label : VISITOR_ID_DATA_SOURCE_LABEL;
    const firstLabel = seenLabels.get(slug(label));
    if (firstLabel !== undefined && source.type === 'declared-id') {
      report(
        ctx,
        'unique-data-source-label',
        ['campaign', 'dataSources', index, 'label'],
        label,
        `the label is already used (or differs only in case or punctuation) by \`campaign.dataSources[${firstLabel}]\`; Campaign needs distinct labels`,
      );
    }
    seenLabels.set(slug(label), firstLabel ?? index);

    const firstAlias = seenAliases.get(source.alias.toLowerCase());
    if (firstAlias !== undefined) {
      report(
        ctx,
        'unique-data-source-alias',
        ['campaign', 'dataSources', index, 'alias'],
        source.alias,
        `the alias is already used by \`campaign.dataSources[${firstAlias}]\`; each alias maps to one Audience Manager data source`,
      );
    }
    seenAliases.set(source.alias.toLowerCase(), firstAlias ?? index);

    if (source.priority !== undefined && !source.servesTriggers) {
      report(
        ctx,
        'priority-only-for-triggers',
        ['campaign', 'dataSources', index, 'priority'],
        source.priority,
        'priority only applies to data sources that serve the Campaign-Triggers integration; set `servesTriggers: true` or remove `priority`',
      );
    }
  });
}

function checkTrackingDns(env: EnvironmentShape, ctx: Ctx): void {
  const { zoneName, trackingServer } = env.dns;
  const names: { name: string; path: (string | number)[] }[] =
    trackingServer.method === 'cname'
      ? trackingServer.records.map((r, i) => ({
          name: r.hostname,
          path: ['dns', 'trackingServer', 'records', i, 'hostname'],
        }))
      : [{ name: trackingServer.subdomain, path: ['dns', 'trackingServer', 'subdomain'] }];

  const seen = new Set<string>();
  for (const { name, path } of names) {
    if (name === zoneName) {
      report(
        ctx,
        'tracking-not-zone-apex',
        path,
        name,
        `must be a subdomain of \`${zoneName}\`, never the zone apex: Adobe only takes over a dedicated subdomain`,
      );
    } else if (!isWithinZone(name, zoneName)) {
      report(
        ctx,
        'tracking-inside-zone',
        path,
        name,
        `must be inside the hosted zone \`dns.zoneName\` (\`${zoneName}\`)`,
      );
    }
    if (seen.has(name)) {
      report(ctx, 'unique-tracking-hostname', path, name, 'is declared twice; each tracking host name gets one record');
    }
    seen.add(name);
  }
}

function checkAccessKeySlots(env: EnvironmentShape, ctx: Ctx): void {
  const { slots, activeSlot } = env.accessKey;
  if (new Set(slots).size !== slots.length) {
    report(ctx, 'unique-key-slots', ['accessKey', 'slots'], slots, 'key slot names must be distinct');
  }
  if (!slots.includes(activeSlot)) {
    report(
      ctx,
      'active-slot-exists',
      ['accessKey', 'activeSlot'],
      activeSlot,
      `must be one of \`accessKey.slots\` (${slots.map((s) => `"${s}"`).join(', ')}); add the slot before switching to it`,
    );
  }
}

function checkReceiver(env: EnvironmentShape, ctx: Ctx): void {
  const { receiver, campaign } = env;
  if (receiver.accessLogs?.bucketName === receiver.bucketName) {
    report(
      ctx,
      'access-logs-separate-bucket',
      ['receiver', 'accessLogs', 'bucketName'],
      receiver.accessLogs.bucketName,
      'access logs must go to another bucket: logging a bucket into itself creates an endless loop of log objects',
    );
  }
  if (campaign.externalAccounts.import.folder === campaign.externalAccounts.export.folder) {
    report(
      ctx,
      'distinct-account-folders',
      ['campaign', 'externalAccounts', 'export', 'folder'],
      campaign.externalAccounts.export.folder,
      'the import and export external accounts need different folders, or each side would read the files it writes',
    );
  }
  if (campaign.externalAccounts.import.name === campaign.externalAccounts.export.name) {
    report(
      ctx,
      'distinct-account-names',
      ['campaign', 'externalAccounts', 'export', 'name'],
      campaign.externalAccounts.export.name,
      'the import and export external accounts need different names',
    );
  }
  if (receiver.kmsKeyArn !== undefined && !receiver.kmsKeyArn.startsWith(`arn:aws:kms:${env.aws.region}:`)) {
    report(
      ctx,
      'kms-key-same-region',
      ['receiver', 'kmsKeyArn'],
      receiver.kmsKeyArn,
      `the KMS key must be in the bucket's region \`${env.aws.region}\``,
    );
  }
}

function checkVisitorIdService(env: EnvironmentShape, ctx: Ctx): void {
  const service = env.campaign.visitorIdService;
  if (service === undefined) return;
  if ((service.marketingCloudServer === undefined) !== (service.marketingCloudServerSecure === undefined)) {
    const missing = service.marketingCloudServer === undefined ? 'marketingCloudServer' : 'marketingCloudServerSecure';
    report(
      ctx,
      'marketing-cloud-server-pair',
      ['campaign', 'visitorIdService', missing],
      undefined,
      'marketingCloudServer and marketingCloudServerSecure go together (both only when a CNAME is used for the Experience Cloud ID service)',
    );
  }
}
