import type { CampaignSettings } from '../campaign/settings';
import { FIELD_LABELS, TEST_CONNECTION } from '../campaign/vocabulary';
import type { Environment } from '../config/environment';
import type { AdobeProvisionedReceiver } from '../config/receiver-mode';
import { secretCommand } from '../campaign/secret-commands';
import { externalAccountTables } from './external-account-tables';

type AdobeEnvironment = Environment & { readonly receiver: AdobeProvisionedReceiver };

/** Step 1 when Adobe provisioned the receiver: its values, and where the secret is kept (never the secret). */
export function adobeExternalAccounts(env: AdobeEnvironment, settings: CampaignSettings): string {
  const accounts = externalAccountTables(settings, (account) => ({
    accessKeyId: `\`${account.accessKeyId}\``,
    secretAccessKey: `the secret Adobe sent for \`${account.accessKeyId}\`, kept in AWS Secrets Manager as \`${account.secretName}\` (${env.aws.region}); read it only to paste it into Campaign: \`${secretCommand.read(account.secretName!, env.aws.region)}\``,
  }));
  return [
    `Adobe provisioned the S3 location and the key: the values below come from Adobe's reply to the provisioning request, as recorded in \`${env.sourceFile}\` (\`receiver\`). Adobe may have configured the accounts already; check that each field matches, and correct it where it does not.`,
    '',
    `The Secret Access Key never passes through this project's files, plans or state: store it once, from Adobe's secure channel, with \`${secretCommand.set(env.name)}\` (it reads the secret from standard input or a hidden prompt). Then \`npm run verify -- ${env.name}\` checks the location with it, like **${TEST_CONNECTION}**.`,
    '',
    ...accounts.flatMap((a) => [a, '']),
  ]
    .join('\n')
    .trimEnd();
}

/** Rotation is Adobe's: what to record and store when Adobe sends a new key. */
export function adobeKeyRotation(env: Environment): string {
  return [
    "Adobe issues and rotates this key. When Adobe's reply gives a new one:",
    '',
    `1. Record the new AWS Access Key ID in \`receiver.import.accessKeyId\` / \`receiver.export.accessKeyId\`; the review shows the change and asks for the new secret.`,
    `2. Deploy, then store the new secret: \`${secretCommand.set(env.name)}\`. Secrets Manager keeps it as a new version (the old one stays as \`AWSPREVIOUS\` until the next change).`,
    `3. Enter the new key in both external accounts (step 1) and check it: \`npm run verify -- ${env.name}\`.`,
  ].join('\n');
}

/** Which Campaign fields change when an environment changes who provisions its receiver. */
export function receiverModeSwitch(env: Environment, settings: CampaignSettings): string {
  const fields = FIELD_LABELS['external-account'];
  const changed = [fields.receiverServer, fields.accessKeyId, fields.secretAccessKey, fields.region]
    .map((f) => `**${f}**`)
    .join(', ');
  const names = [settings.externalAccounts.import.name, settings.externalAccounts.export.name]
    .map((n) => `\`${n}\``)
    .join(' and ');
  const now =
    env.receiver.mode === 'adobe-provisioned'
      ? `This environment uses the receiver Adobe provisioned (\`receiver.mode: "adobe-provisioned"\`). If it used the stack's own bucket before, the deploy that switches destroys that bucket, the IAM user, group, policy and keys (Terraform refuses to destroy a bucket that still holds files unless \`forceDestroy\` is set: move or remove them first), and creates the Secrets Manager secrets.`
      : `This environment uses the stack's own bucket and key (\`receiver.mode: "stack-owned"\`). If it used a receiver Adobe provisioned before, the deploy that switches creates the bucket, the IAM user, group, policy and key, and deletes the Secrets Manager secrets (Secrets Manager keeps a deleted secret for its recovery window); tell Adobe.`;
  return [
    now,
    '',
    `Switching changes ${changed} in both external accounts (${names}): enter every one of them again from step 1, then \`npm run verify -- ${env.name}\`. \`npm run review\` lists what the switch creates and destroys before it is merged.`,
  ].join('\n');
}
