import { DECRYPT_SECRET, OUTPUTS, outputCommand } from '../campaign/output-names';
import { campaignSettings, type CampaignSettings } from '../campaign/settings';
import { FIELD_LABELS, IDENTITY_LABELS, INTEGRATION_CODE_LABEL, SCREENS, SERVICE_LABELS } from '../campaign/vocabulary';
import { iamUserName } from '../config/adopt';
import type { Environment } from '../config/environment';
import { type AdobeProvisionedReceiver, isAdobeProvisioned } from '../config/receiver-mode';
import { externalAccountTables } from './external-account-tables';
import { adobeExternalAccounts, adobeKeyRotation, receiverModeSwitch } from './adobe-receiver-sections';
import { mermaidLabel, table } from './markdown';
import { visitorIdSnippet } from './visitor-id-snippet';

export interface SetupSheetContext {
  /** The stack's folder relative to the project, where `terraform output` runs. */
  readonly stackDir: string;
  /** The provisioning email's file name, beside this sheet. */
  readonly emailFile: string;
}

/** The S3 box of the data flow: the stack's bucket and its folders, or the locations Adobe named. */
function storage(env: Environment): string[] {
  const { receiver, campaign } = env;
  if (receiver.mode === 'adobe-provisioned') {
    return [
      '  subgraph S3["S3 location provisioned by Adobe"]',
      `    IMP["${mermaidLabel(receiver.import.receiverServer)}"]`,
      `    EXP["${mermaidLabel(receiver.export.receiverServer)}"]`,
      '  end',
    ];
  }
  return [
    `  subgraph S3["s3://${receiver.bucketName}/${receiver.prefix}"]`,
    `    IMP["${mermaidLabel(`${campaign.externalAccounts.import.folder}/`)}"]`,
    `    EXP["${mermaidLabel(`${campaign.externalAccounts.export.folder}/`)}"]`,
    '  end',
  ];
}

function dataFlow(env: Environment): string {
  const imp = env.campaign.externalAccounts.import;
  const exp = env.campaign.externalAccounts.export;
  return [
    '```mermaid',
    'flowchart LR',
    `  AAM["${mermaidLabel(SERVICE_LABELS[env.request.service])}"]`,
    ...storage(env),
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

/** `C0B56D69...` as GnuPG prints fingerprints: ten groups of four, two spaces in the middle. */
const groupedFingerprint = (fingerprint: string) =>
  (fingerprint.match(/.{1,4}/g) ?? []).map((group, i) => (i === 5 ? ` ${group}` : group)).join(' ');

/** Whose key the secret is encrypted to, so the administrator decrypts with the right one. */
function pgpKeyDescription(env: Environment): string {
  const key = env.pgpKey;
  if (key === undefined) {
    return `the PGP private key of \`${env.accessKey.pgpPublicKey}\` (Terraform fetched that public key from keybase.io at deploy)`;
  }
  const expires = key.expires === undefined ? '' : `, expires ${key.expires.toISOString().slice(0, 10)}`;
  return `the PGP private key of ${key.userIds.join(', ')} (fingerprint \`${groupedFingerprint(key.fingerprint)}\`${expires})`;
}

/** The commands that print the key both external accounts use: in a code block, so they copy cleanly. */
function keyCommands(env: Environment, ctx: SetupSheetContext): string {
  const slot = env.accessKey.activeSlot;
  const encrypted = env.accessKey.pgpPublicKey !== undefined;
  const secret = encrypted
    ? [
        '# Secret Access Key: encrypted to your PGP key; decrypt it with the private key',
        `${outputCommand(ctx.stackDir, OUTPUTS.encryptedSecretAccessKey(slot))} | ${DECRYPT_SECRET}`,
      ]
    : [
        '# Secret Access Key (sensitive: paste it straight into Campaign, never into a ticket or chat)',
        outputCommand(ctx.stackDir, OUTPUTS.secretAccessKey(slot)),
      ];
  return [
    `Both accounts sign in with the key of slot \`${slot}\`. Read it after deploy with:`,
    '',
    '```sh',
    '# AWS Access Key ID',
    outputCommand(ctx.stackDir, OUTPUTS.activeAccessKeyId),
    ...secret,
    '```',
    ...(encrypted ? ['', `The secret is encrypted to ${pgpKeyDescription(env)}.`] : []),
  ].join('\n');
}

function externalAccounts(env: Environment, settings: CampaignSettings, ctx: SetupSheetContext): string {
  if (isAdobeProvisioned(env))
    return adobeExternalAccounts(env as Environment & { receiver: AdobeProvisionedReceiver }, settings);
  const accounts = externalAccountTables(settings, (account) => ({
    accessKeyId: `the AWS Access Key ID printed by the first command above (key slot \`${account.keySlot}\`)`,
    secretAccessKey: 'the Secret Access Key printed by the second command above',
  }));
  return [keyCommands(env, ctx), ...accounts].join('\n\n');
}

function dataSources(settings: CampaignSettings): string {
  const fields = FIELD_LABELS['shared-data-source'];
  return settings.dataSources
    .map((source) => {
      const destination =
        source.aamDestinationId ??
        (source.servesTriggers
          ? 'not required (Triggers integration)'
          : "**pending**: copy it from Adobe's reply into the environment file and redeploy");
      const rows: [string, string][] = source.builtIn
        ? [
            [fields.action, 'edit the existing data source'],
            [fields.alias, source.alias],
            [fields.aamDestinationId, destination],
            [fields.reconciliation, `${source.reconciliation} (keep the default criterion)`],
          ]
        : [
            [fields.action, 'click **Create**'],
            [fields.label, source.label],
            [fields.alias, source.alias],
            [fields.aamDestinationId, destination],
            [fields.reconciliation, source.reconciliation],
            [INTEGRATION_CODE_LABEL, `\`${source.integrationCode}\` (the key the site sends this ID under)`],
          ];
      if (source.priority !== undefined) rows.push([fields.priority, String(source.priority)]);
      return [`### ${source.label}`, '', table(['Field', 'Value'], rows)].join('\n');
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
      ? `Method: CNAME records that Adobe listed. Tracking host${server.records.length === 1 ? '' : 's'}: ${server.records.map((r) => `\`${r.hostname}\``).join(', ')}.`
      : `Method: full subdomain delegation to Adobe's name servers (Adobe's recommended method). Tracking host: \`${server.subdomain}\`, whose name servers Adobe runs; Adobe creates the tracking server's records there (use the exact host name Adobe confirms).`;
  return [
    intro,
    method,
    '',
    table(['Record', 'Value'], rows),
    '',
    'Check with `dig` that the records resolve before asking Adobe to finish the set-up.',
  ].join('\n');
}

/**
 * The rotation procedure, from where this environment stands. A rotation adds the new slot after
 * the current one, so with two slots the second is the new key: not yet active (switch next) or
 * already active (retire the first next).
 */
function keyRotation(env: Environment): string {
  const intro =
    'Keys live in slots; IAM allows two per user, so a new key can be issued before the old one is retired:';
  const [first, second] = env.accessKey.slots;
  if (second === undefined) {
    const spare = first === 'blue' ? 'green' : 'blue';
    return [
      intro,
      '',
      `1. Add a slot: \`"slots": ["${first}", "${spare}"]\`, deploy. Both keys work.`,
      `2. Switch: \`"activeSlot": "${spare}"\`, deploy, then enter the new key in both external accounts (steps above) and test the connection.`,
      `3. Retire: \`"slots": ["${spare}"]\`, deploy. The old key is deleted.`,
    ].join('\n');
  }
  const switched = env.accessKey.activeSlot === second;
  return [
    intro,
    '',
    `A rotation is under way: slot \`${second}\` holds the new key, \`${first}\` the old one.`,
    '',
    `1. Add a slot: done (\`"slots": ["${first}", "${second}"]\`). Both keys work.`,
    switched
      ? `2. Switch: done (\`"activeSlot": "${second}"\`). Make sure both external accounts use the \`${second}\` key: \`npm run verify -- ${env.name}\`.`
      : `2. Switch: \`"activeSlot": "${second}"\`, deploy, then enter the new key in both external accounts (steps above) and test the connection.`,
    `3. Retire: \`"slots": ["${second}"]\`, deploy. The \`${first}\` key is deleted, so do this only once Campaign uses the \`${second}\` key.`,
  ].join('\n');
}

/** For an adopted IAM user: the hand-made key keeps working until it is retired, by hand. */
function handMadeKeyRetirement(env: Environment): string[] {
  if (env.adopt.iamUser === false) return [];
  const user = iamUserName(env);
  return [
    '## Retiring the hand-made access key',
    '',
    `This environment took over the existing IAM user \`${user}\` (\`adopt.iamUser\`). Terraform cannot import an access key's secret, so the stack issued its own key in slot \`${env.accessKey.activeSlot}\`; the hand-made key keeps working until it is retired:`,
    '',
    `1. Enter the stack's key in both external accounts (step 1) and test the connection: \`npm run verify -- ${env.name}\`.`,
    `2. \`npm run adopt -- ${env.name}\` lists the user's hand-made keys with the exact commands. Deactivate each (\`aws iam update-access-key --user-name ${user} --access-key-id <hand-made key ID> --status Inactive\`) and check that imports and exports still run.`,
    `3. Delete it: \`aws iam delete-access-key --user-name ${user} --access-key-id <hand-made key ID>\`.`,
    "4. Remove the other leftovers the report lists (inline or attached policies, other groups, a console password) once nothing needs them: they keep permissions wider than this stack's.",
    '',
  ];
}

/** The Campaign administrator's sheet: the seed's steps 1-4 with the exact values to enter. */
export function campaignSetupSheet(env: Environment, ctx: SetupSheetContext): string {
  const settings = campaignSettings(env);
  const snippet = visitorIdSnippet(env);
  return [
    `# Campaign ↔ ${SERVICE_LABELS[env.request.service]} set-up: ${env.organization.name}, ${env.environment.label}`,
    '',
    `Generated from \`${env.sourceFile}\` by \`npm run synth\`; do not edit. Values read with a \`terraform output\` command are known after \`npm run deploy -- ${env.name}\`.`,
    '',
    '## How data flows',
    '',
    dataFlow(env),
    '',
    '## Before you start: the request to Adobe',
    '',
    `Send \`${ctx.emailFile}\` (beside this sheet; it opens as a draft) to ${env.request.recipient}. Adobe replies with the AAM Destination IDs used in step 2${isAdobeProvisioned(env) ? ", and with the external accounts' values used in step 1" : ''}.`,
    '',
    '## Step 1: External accounts',
    '',
    `In **${SCREENS.externalAccounts}**, open each account and enter:`,
    '',
    externalAccounts(env, settings, ctx),
    '',
    '## Step 2: Shared data sources',
    '',
    `In **${SCREENS.sharedDataSources}**:`,
    '',
    dataSources(settings),
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
    ...(isAdobeProvisioned(env)
      ? ['## When Adobe sends a new key', '', adobeKeyRotation(env), '']
      : ['## Rotating the access key without downtime', '', keyRotation(env), '']),
    '## Switching who provisions the receiver',
    '',
    receiverModeSwitch(env, settings),
    '',
    ...handMadeKeyRetirement(env),
  ].join('\n');
}
