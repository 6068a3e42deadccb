import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { DEFAULTS } from './defaults';
import { kmsRegion } from './primitives';
import { ADOBE_ACCOUNTS, adobeLocations, foldersOverlap, isAdobeProvisioned } from './receiver-mode';
import { report } from './rule';
import type { EnvironmentShape } from './schema';

const MODE = '`receiver.mode` is "adobe-provisioned"';

/**
 * The rules of the receiver Adobe provisions. The receiver's own fields are kept apart by the
 * schema (a stack-owned field there is an unknown key); these cover what lives elsewhere in the
 * file: the stack's key, adoption of a bucket or user, and the account folders, which Adobe's
 * receiver servers name. Those have defaults, so a section that only spells the defaults out is
 * accepted: it changes nothing.
 */
export function checkAdobeProvisionedReceiver(env: EnvironmentShape, ctx: z.RefinementCtx): void {
  if (!isAdobeProvisioned(env)) return;
  const defaultKey = { slots: DEFAULTS.accessKey.slots, activeSlot: DEFAULTS.accessKey.activeSlot };
  if (!isDeepStrictEqual({ slots: env.accessKey.slots, activeSlot: env.accessKey.activeSlot }, defaultKey)) {
    report(
      ctx,
      'adobe-receiver-no-stack-key',
      ['accessKey'],
      env.accessKey,
      `${MODE}: Adobe issued the key, so the stack has no key slots to rotate; remove \`accessKey\` (rotation is Adobe's: record the new key ID and store its secret with \`npm run secret -- set <environment>\`)`,
    );
  } else if (env.accessKey.pgpPublicKey !== undefined) {
    report(
      ctx,
      'adobe-receiver-no-stack-key',
      ['accessKey', 'pgpPublicKey'],
      env.accessKey.pgpPublicKey,
      `${MODE}: the stack issues no key whose secret could be encrypted, and Adobe's secret never enters Terraform; remove \`accessKey\``,
    );
  }
  for (const field of ['receiverBucket', 'iamUser'] as const) {
    if (env.adopt[field] !== false) {
      report(
        ctx,
        'adobe-receiver-no-adoption',
        ['adopt', field],
        env.adopt[field],
        `${MODE}: the stack manages no bucket or IAM user, so there is nothing to adopt; remove \`adopt.${field}\``,
      );
    }
  }
  for (const account of ADOBE_ACCOUNTS) {
    const folder = env.campaign.externalAccounts[account].folder;
    const defaults = account === 'import' ? DEFAULTS.campaign.importAccount : DEFAULTS.campaign.exportAccount;
    if (folder !== defaults.folder) {
      report(
        ctx,
        'adobe-receiver-folder-in-server',
        ['campaign', 'externalAccounts', account, 'folder'],
        folder,
        `${MODE}: the folder is the path of \`receiver.${account}.receiverServer\`, as Adobe sent it; remove \`folder\``,
      );
    }
  }

  const [importLocation, exportLocation] = adobeLocations(env.receiver);
  if (importLocation.bucket === exportLocation.bucket) {
    if (foldersOverlap(importLocation.folder, exportLocation.folder)) {
      report(
        ctx,
        'distinct-receiver-servers',
        ['receiver', 'export', 'receiverServer'],
        env.receiver.export.receiverServer,
        `is the import account's folder \`${importLocation.folder}\` (or one inside the other): each side would read the files it writes; check Adobe's reply, which gives each account its own folder`,
      );
    }
    if (env.receiver.import.region !== env.receiver.export.region) {
      report(
        ctx,
        'one-region-per-bucket',
        ['receiver', 'export', 'region'],
        env.receiver.export.region,
        `differs from \`receiver.import.region\` (\`${env.receiver.import.region}\`) for the same bucket \`${importLocation.bucket}\`; a bucket has one region, so one of the two was copied wrong from Adobe's reply`,
      );
    }
  }
  const kms = env.receiver.secretKmsKeyArn;
  if (kms !== undefined && kmsRegion(kms) !== env.aws.region) {
    report(
      ctx,
      'secret-kms-key-same-region',
      ['receiver', 'secretKmsKeyArn'],
      kms,
      `the KMS key must be in \`aws.region\` (\`${env.aws.region}\`), where the stack keeps the secrets: Secrets Manager cannot use a key from another region`,
    );
  }
}
