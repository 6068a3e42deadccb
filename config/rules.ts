import type { z } from 'zod';
// The built-in data source's label is a fixed Campaign word; a declared label may not take it.
import { VISITOR_ID_DATA_SOURCE_LABEL } from '../campaign/vocabulary';
import { isAtOrBelow, trackingRecords, visitorHostConflict, visitorIdHosts } from './dns-names';
import { kmsRegion } from './primitives';
import { formatPath } from './problems';
import { checkAdoption } from './adopt-rules';
import { checkAdobeProvisionedReceiver } from './adobe-receiver-rules';
import { receiverBuckets, stackOwnedReceiver } from './receiver-mode';
import { report } from './rule';
import { slug } from './slug';
import type { EnvironmentShape } from './schema';
import { emulatorEndpoint } from '../runtime/emulator-environment';

type Ctx = z.RefinementCtx;

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
  checkAdobeProvisionedReceiver(env, ctx);
  checkVisitorIdService(env, ctx);
  checkBackend(env, ctx);
  checkAdoption(env, ctx);
}

function checkProductionSafety(env: EnvironmentShape, ctx: Ctx): void {
  if (env.environment.tier !== 'production') return;
  const receiver = stackOwnedReceiver(env);
  if (receiver?.versioning === false) {
    report(
      ctx,
      'production-versioning',
      ['receiver', 'versioning'],
      false,
      'a production environment must keep versioning on: it is what lets you recover an overwritten or deleted audience file',
    );
  }
  if (receiver?.forceDestroy === true) {
    report(
      ctx,
      'production-force-destroy',
      ['receiver', 'forceDestroy'],
      true,
      'a production environment may not turn on forceDestroy: it lets `cdktf destroy` delete the bucket with its audience data',
    );
  }
  const endpoint = emulatorEndpoint(env);
  if (endpoint !== undefined) {
    report(
      ctx,
      'production-no-emulator',
      ['aws', 'endpoint'],
      endpoint,
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
  const seenDestinations = new Map<string, number>();
  sources.forEach((source, index) => {
    if (source.type === 'declared-id') checkDeclaredLabel(source.label, index, seenLabels, ctx);

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

    if (source.aamDestinationId !== undefined) {
      const firstDestination = seenDestinations.get(source.aamDestinationId);
      if (firstDestination !== undefined) {
        report(
          ctx,
          'unique-aam-destination-id',
          ['campaign', 'dataSources', index, 'aamDestinationId'],
          source.aamDestinationId,
          `is also the destination of \`campaign.dataSources[${firstDestination}]\`; Adobe assigns each data source its own destination, so one of them was copied by mistake`,
        );
      }
      seenDestinations.set(source.aamDestinationId, firstDestination ?? index);
    }

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

/**
 * Slugs a declared data source's label may not have: the built-in data source's label, and
 * `visitor-id`, because the built-in's Terraform address is `data-source-visitor-id` and a declared
 * source's is `data-source-<slug of its label>`.
 */
const RESERVED_LABEL_SLUGS = [slug(VISITOR_ID_DATA_SOURCE_LABEL), 'visitor-id'];

function checkDeclaredLabel(label: string, index: number, seen: Map<string, number>, ctx: Ctx): void {
  const path = ['campaign', 'dataSources', index, 'label'];
  const key = slug(label);
  const first = seen.get(key);
  if (key === '') {
    report(
      ctx,
      'data-source-label-addressable',
      path,
      label,
      "must contain at least one letter a-z or digit: the data source's Terraform address is made of them",
    );
  } else if (RESERVED_LABEL_SLUGS.includes(key)) {
    report(
      ctx,
      'unique-data-source-label',
      path,
      label,
      `is (or differs only in case or punctuation from) the built-in data source, "${VISITOR_ID_DATA_SOURCE_LABEL}"; Campaign needs distinct labels`,
    );
  } else if (first !== undefined) {
    report(
      ctx,
      'unique-data-source-label',
      path,
      label,
      `the label is already used (or differs only in case or punctuation) by \`campaign.dataSources[${first}]\`; Campaign needs distinct labels`,
    );
  }
  seen.set(key, first ?? index);
}

function checkTrackingDns(env: EnvironmentShape, ctx: Ctx): void {
  const { zoneName, trackingServer } = env.dns;
  const seen = new Set<string>();
  for (const { name, path } of trackingRecords(env.dns)) {
    if (name === zoneName) {
      report(
        ctx,
        'tracking-not-zone-apex',
        path,
        name,
        `must be a subdomain of \`${zoneName}\`, never the zone apex: Adobe only takes over a dedicated subdomain`,
      );
    } else if (!isAtOrBelow(name, zoneName)) {
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

  if (trackingServer.method === 'cname') {
    trackingServer.records.forEach((r, i) => {
      if (r.target === r.hostname) {
        report(
          ctx,
          'cname-target-not-self',
          ['dns', 'trackingServer', 'records', i, 'target'],
          r.target,
          "is the record's own host name, a CNAME loop that never resolves; use the target Adobe gave you",
        );
      }
    });
    return;
  }
  const seenServers = new Map<string, number>();
  trackingServer.nameServers.forEach((server, i) => {
    const path = ['dns', 'trackingServer', 'nameServers', i];
    const first = seenServers.get(server);
    if (first !== undefined) {
      report(
        ctx,
        'unique-name-servers',
        path,
        server,
        `is already \`nameServers[${first}]\` (after lowercase and trailing-dot normalization); list each name server once`,
      );
    }
    seenServers.set(server, first ?? i);
    if (isAtOrBelow(server, trackingServer.subdomain)) {
      report(
        ctx,
        'name-server-outside-delegation',
        path,
        server,
        `is inside the delegated subdomain \`${trackingServer.subdomain}\`, so resolvers would need glue (A/AAAA) records in this zone, which this stack does not create; use the name servers as Adobe gave them`,
      );
    }
  });
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
  const { campaign } = env;
  const receiver = stackOwnedReceiver(env);
  // Adobe's receiver servers name the folders themselves (see adobe-receiver-rules.ts).
  if (receiver === undefined) {
    checkAccountNames(env, ctx);
    return;
  }
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
  checkAccountNames(env, ctx);
  if (receiver.kmsKeyArn !== undefined && kmsRegion(receiver.kmsKeyArn) !== env.aws.region) {
    report(
      ctx,
      'kms-key-same-region',
      ['receiver', 'kmsKeyArn'],
      receiver.kmsKeyArn,
      `the KMS key must be in the bucket's region \`${env.aws.region}\``,
    );
  }
}

function checkAccountNames(env: EnvironmentShape, ctx: Ctx): void {
  const { externalAccounts } = env.campaign;
  if (externalAccounts.import.name === externalAccounts.export.name) {
    report(
      ctx,
      'distinct-account-names',
      ['campaign', 'externalAccounts', 'export', 'name'],
      externalAccounts.export.name,
      'the import and export external accounts need different names',
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
  const records = trackingRecords(env.dns);
  for (const host of visitorIdHosts(env)) {
    for (const record of records) {
      const conflict = visitorHostConflict(host.name, record);
      if (conflict !== undefined) {
        report(
          ctx,
          'visitor-id-host-not-campaign-tracking',
          host.path,
          host.name,
          `${conflict} (\`${formatPath(record.path)}\`), which answers for Campaign, not for the Visitor ID service; use the Experience Cloud/Analytics tracking host`,
        );
      }
    }
  }
}

function checkBackend(env: EnvironmentShape, ctx: Ctx): void {
  const backend = env.backend;
  if (backend.type !== 's3') return;
  if (receiverBuckets(env).includes(backend.bucket)) {
    report(
      ctx,
      'state-not-in-receiver-bucket',
      ['backend', 'bucket'],
      backend.bucket,
      "is this environment's receiver bucket: Campaign's access key could read or delete the state (and the secrets in it), and the lifecycle rules would expire it; use a separate state bucket",
    );
  }
  if (backend.kmsKeyArn !== undefined && kmsRegion(backend.kmsKeyArn) !== backend.region) {
    report(
      ctx,
      'state-kms-key-same-region',
      ['backend', 'kmsKeyArn'],
      backend.kmsKeyArn,
      `the KMS key must be in the state bucket's region \`${backend.region}\` (\`backend.region\`): S3 cannot use a key from another region`,
    );
  }
  if (backend.kmsKeyArn !== undefined && !backend.encrypt) {
    report(
      ctx,
      'state-kms-needs-encrypt',
      ['backend', 'encrypt'],
      false,
      'is false while `backend.kmsKeyArn` is set: Terraform would ignore the key and store the state unencrypted; remove `encrypt: false`',
    );
  }
}
