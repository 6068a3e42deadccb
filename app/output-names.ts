/**
 * Names of the stack outputs a Campaign administrator reads after deploy. The handoff sheet quotes
 * these names, so they are defined once here.
 */
export const OUTPUTS = {
  bucket: 'receiver_bucket',
  region: 'aws_region',
  importReceiverServer: 'import_receiver_server',
  exportReceiverServer: 'export_receiver_server',
  activeAccessKeyId: 'access_key_id',
  activeSlot: 'active_key_slot',
  accessKeyId: (slot: string) => `access_key_id_${slot.replace(/-/g, '_')}`,
  /** Sensitive: only when no PGP key is configured. */
  secretAccessKey: (slot: string) => `secret_access_key_${slot.replace(/-/g, '_')}`,
  /** Only with a PGP key: the secret, encrypted to that key (safe to print). */
  encryptedSecretAccessKey: (slot: string) => `encrypted_secret_access_key_${slot.replace(/-/g, '_')}`,
} as const;
