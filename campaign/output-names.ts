/**
 * Names of the stack outputs a Campaign administrator reads after deploy. The handoff sheet quotes
 * these names, so they are defined once here.
 */
/** Output names take the slot with underscores (`blue-2` → `blue_2`). */
const slotKey = (slot: string) => slot.replace(/-/g, '_');

export const OUTPUTS = {
  bucket: 'receiver_bucket',
  region: 'aws_region',
  importReceiverServer: 'import_receiver_server',
  exportReceiverServer: 'export_receiver_server',
  activeAccessKeyId: 'access_key_id',
  activeSlot: 'active_key_slot',
  accessKeyId: (slot: string) => `access_key_id_${slotKey(slot)}`,
  /** Sensitive: only when no PGP key is configured. */
  secretAccessKey: (slot: string) => `secret_access_key_${slotKey(slot)}`,
  /** Only with a PGP key: the secret, encrypted to that key (safe to print). */
  encryptedSecretAccessKey: (slot: string) => `encrypted_secret_access_key_${slotKey(slot)}`,
  /** When Adobe provisioned the receiver: each account's own region and key, and where its secret is kept. */
  adobe: (account: 'import' | 'export') => ({
    region: `${account}_aws_region`,
    accessKeyId: `${account}_access_key_id`,
    secretArn: `${account}_secret_arn`,
  }),
} as const;

/** The command that prints one output of a deployed stack, as the setup sheet and the review quote it. */
export const outputCommand = (stackDir: string, name: string) => `terraform -chdir=${stackDir} output -raw ${name}`;

/** Turns the PGP-encrypted secret output (base64) into the secret, with the private key in the user's keyring. */
export const DECRYPT_SECRET = 'base64 --decode | gpg --decrypt';
