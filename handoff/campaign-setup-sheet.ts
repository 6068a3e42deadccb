import { DEFAULTS } from '../config/defaults';
import type { Environment } from '../config/environment';
import { IDENTITY_LABELS, receiverServer, SERVICE_LABELS } from '../campaign/vocabulary';
import { OUTPUTS } from '../campaign/output-names';
import { mermaidLabel, table } from './markdown';
import { visitorIdSnippet } from './visitor-id-snippet';

export interface SetupSheetContext {
  /** The stack's folder relative to the project, where `terraform output` runs. */
  readonly stackDir: string;
  /** The provisioning email's file name, beside this sheet. */
  readonly emailFile: string;
}

const output = (ctx: SetupSheetContext, name: string) => `\`terraform -chdir=${ctx.stackDir} output -raw ${name}\``;

function dataFlow(env: Environment): string {
  const { receiver, campaign } = env;
  const imp = campaign.externalAccounts.import;
  const exp = campaign.externalAccounts.export;
  return [
    '```mermaid',
    'flowchart LR',
    `  AAM["${mermaidLabel(SERVICE_LABELS[env.request.service])}"]`,
    `  subgraph S3["s3://${receiver.bucketName}/${receiver.prefix}"]`,
    `    IMP["${mermaidLabel(`${imp.folder}/`)}"]`,
    `    EXP["${mermaidLabel(`${exp.folder}/`)}"]`,
    '  end',
    `  AC["Adobe Campaign (${mermaidLabel(env.environment.label)})"]`,
    '  WEB["Web properties with the Visitor ID service"]',
    '  AAM -- "shared audiences" --> IMP',
    `  IMP -- "${mermaidLabel(imp.name)}" --> AC`,
    `  AC -- "${mermaidLabel(exp.name)}" --> EXP`,
    '  EXP -- "Campaign segments" --> AAM',
    `  WEB -- "${mermaidLabel(IDENTITY_LABELS[env.request.identity])}" --> AAM`,
    '```',
  ].join('\n');
}

function secretInstructions(env: Environment, ctx: SetupSheetContext): string {
  const slot = env.accessKey.activeSlot;
  if (env.accessKey.pgpPublicKey !== undefined) {
    return `decrypt with your PGP private key: ${output(ctx, OUTPUTS.encryptedSecretAccessKey(slot)).replace(/`$/, ' | base64 --decode | gpg --decrypt`')}`;
  }
  return `${output(ctx, OUTPUTS.secretAccessKey(slot))} (sensitive: paste it straight into Campaign, never into a ticket or chat)`;
}

function externalAccounts(env: Environment, ctx: SetupSheetContext): string {
  const { receiver, campaign } = env;
  return (['import', 'export'] as const)
    .map((direction) => {
      const account = campaign.externalAccounts[direction];
      const flow = direction === 'import' ? 'Audience Manager → Campaign' : 'Campaign → Audience Manager';
      return [
        `### \`${account.name}\` (${flow})`,
        '',
        table(
          ['Field', 'Value'],
          [
            ['Type', 'Amazon S3'],
            ['Receiver server', `\`${receiverServer(receiver.bucketName, receiver.prefix, account.folder)}\``],
            [
              'AWS Access Key ID',
              `${output(ctx, OUTPUTS.activeAccessKeyId)} (key slot \`${env.accessKey.activeSlot}\`)`,
            ],
            ['Secret Access Key', secretInstructions(env, ctx)],
            ['AWS Region', `\`${env.aws.region}\``],
          ],
        ),
      ].join('\n');
    })
    .join('\n\n');
}

function dataSources(env: Environment): string {
  return env.campaign.dataSources
    .map((source) => {
      const destination =
        source.aamDestinationId ??
        (source.servesTriggers
          ? 'not required (Triggers integration)'
          : "**pending**: copy it from Adobe's reply into the environment file and redeploy");
      const rows: [string, string][] =
        source.type === 'visitor-id'
          ? [
              ['Action', 'edit the existing data source'],
              ['Data Source/Alias', source.alias],
              ['AAM Destination ID', destination],
              ['Reconciliation process', 'Visitor ID (keep the default criterion)'],
            ]
          : [
              ['Action', 'click **Create**'],
              ['Label', source.label],
              ['Data Source/Alias', source.alias],
              ['AAM Destination ID', destination],
              ['Reconciliation process', source.reconciliationKey],
            ];
      if (source.priority !== undefined) rows.push(['Priority', String(source.priority)]);
      const label = source.type === 'visitor-id' ? DEFAULTS.campaign.visitorIdDataSource.label : source.label;
      return [`### ${label}`, '', table(['Field', 'Value'], rows)].join('\n');
    })
    .join('\n\n');
}

function trackingServer(env: Environment): string {
  const server = env.dns.trackingServer;
  const intro = `Declared in Route53 zone \`${env.dns.zoneName}\` (\`${env.dns.hostedZoneId}\`) by this stack, TTL ${env.dns.ttl} s.`;
  const rows: [string, string][] =
    server.method === 'cname'
      ? server.records.map((r) => [`\`${r.hostname}\` CNAME`, `\`${r.target}\``])
      : [[`\`${server.subdomain}\` NS`, server.nameServers.map((n) => `\`${n}\``).join(', ')]];
  const method =
    server.method === 'cname'
      ? 'Method: CNAME records that Adobe listed.'
      : "Method: full subdomain delegation to Adobe's name servers (Adobe's recommended method).";
  return [
    intro,
    method,
    '',
    table(['Record', 'Value'], rows),
    '',
    'Check with `dig` that the records resolve before asking Adobe to finish the set-up.',
  ].join('\n');
}

function keyRotation(env: Environment): string {
  const current = env.accessKey.activeSlot;
  const spare = env.accessKey.slots.find((s) => s !== current) ?? (current === 'blue' ? 'green' : 'blue');
  return [
    'Keys live in slots; IAM allows two per user, so a new key can be issued before the old one is retired:',
    '',
    `1. Add a slot: \`"slots": ["${current}", "${spare}"]\`, deploy. Both keys work.`,
    `2. Switch: \`"activeSlot": "${spare}"\`, deploy, then enter the new key in both external accounts (steps above) and test the connection.`,
    `3. Retire: \`"slots": ["${spare}"]\`, deploy. The old key is deleted.`,
  ].join('\n');
}

/** The Campaign administrator's sheet: the seed's steps 1-4 with the exact values to enter. */
export function campaignSetupSheet(env: Environment, ctx: SetupSheetContext): string {
  const snippet = visitorIdSnippet(env);
  return [
    `# Campaign ↔ ${SERVICE_LABELS[env.request.service]} set-up: ${env.organization.name}, ${env.environment.label}`,
    '',
    `Generated from \`${env.sourceFile}\` by \`npm run synth\`; do not edit. Values marked with a \`terraform output\` command are known after \`cdktf deploy ${env.name}\`.`,
    '',
    '## How data flows',
    '',
    dataFlow(env),
    '',
    '## Before you start: the request to Adobe',
    '',
    `Send \`${ctx.emailFile}\` (beside this sheet; it opens as a draft) to ${env.request.recipient}. Adobe replies with the AAM Destination IDs used in step 2.`,
    '',
    '## Step 1: External accounts',
    '',
    'In **Administration > Application settings > External accounts**, open each account and enter:',
    '',
    externalAccounts(env, ctx),
    '',
    '## Step 2: Shared data sources',
    '',
    'In **Administration > Application settings > Shared Data Sources**:',
    '',
    dataSources(env),
    '',
    '## Step 3: Tracking server',
    '',
    trackingServer(env),
    '',
    '## Step 4: Visitor ID service',
    '',
    snippet === undefined
      ? 'No Visitor ID service is declared for this environment (`campaign.visitorIdService`); if the web properties do not yet run it, declare it and regenerate this sheet.'
      : [
          'Load the Visitor ID service on every page of the web properties, configured as:',
          '',
          '```js',
          snippet,
          '```',
        ].join('\n'),
    '',
    '## Rotating the access key without downtime',
    '',
    keyRotation(env),
    '',
  ].join('\n');
}
