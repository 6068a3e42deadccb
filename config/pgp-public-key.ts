import type { Key } from 'openpgp';

/** What the setup sheet tells the administrator about the key the secret is encrypted to. */
export interface PgpKeyFacts {
  /** The primary key's fingerprint, uppercase hex, as `gpg --fingerprint` shows it without spaces. */
  readonly fingerprint: string;
  /** The key's user IDs, e.g. `Ops Team <ops@example.com>`. */
  readonly userIds: readonly string[];
  /** When the key stops being usable; undefined when it never expires. */
  readonly expires?: Date;
}

export type PgpKeyCheck =
  | { readonly ok: true; readonly facts: PgpKeyFacts }
  | { readonly ok: false; readonly rule: string; readonly message: string };

const KEYBASE = /^keybase:[A-Za-z0-9_]+$/;
/** Standard base64 with padding: what Terraform's `base64.StdEncoding` accepts (minus line breaks). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const isKeybaseReference = (value: string) => KEYBASE.test(value);

/** The offline format check; the key material itself is checked by `checkPgpPublicKey`. */
export const isPgpKeyReference = (value: string) =>
  isKeybaseReference(value) || (BASE64.test(value) && value.length >= 64);

const GPG_EXPORT = '`gpg --export <key id> | base64 -w0`';

const failure = (rule: string, message: string): PgpKeyCheck => ({ ok: false, rule, message });

async function encryptionCapability(key: Key, now: Date): Promise<string | undefined> {
  try {
    await key.getEncryptionKey(undefined, now);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Reads a base64 binary public key as Terraform's AWS provider will at apply (it takes the first
 * key of the data and encrypts the secret access key to it), and rejects what would fail there or
 * do something else than intended: data that is not a key, several keys, a private key, a revoked
 * or expired key, or a key without a usable encryption (sub)key.
 */
export async function checkPgpPublicKey(base64: string, now: Date = new Date()): Promise<PgpKeyCheck> {
  let keys: Key[];
  try {
    // Loaded on first use: most environments have no PGP key, and OpenPGP.js takes a noticeable
    // part of a one-environment synth to load.
    const { readKeys } = await import('openpgp');
    keys = await readKeys({ binaryKeys: Buffer.from(base64, 'base64') });
  } catch (error) {
    return failure(
      'pgp-key-readable',
      `is base64, but not of an OpenPGP public key (${(error as Error).message.replace(/\.$/, '')}); export the key with ${GPG_EXPORT}`,
    );
  }
  if (keys.length !== 1) {
    return failure(
      'pgp-key-single',
      `holds ${keys.length} keys (${keys.map((k) => k.getFingerprint().toUpperCase()).join(', ')}); Terraform would encrypt to the first one only: export exactly one key with ${GPG_EXPORT}`,
    );
  }
  const [key] = keys;
  const fingerprint = key.getFingerprint().toUpperCase();
  if (key.isPrivate()) {
    return failure(
      'pgp-key-public-only',
      `is a PRIVATE key (${fingerprint}): remove it from the file and from version control history, revoke it, and put the public key here (${GPG_EXPORT}, never --export-secret-keys)`,
    );
  }
  if (await key.isRevoked(undefined, undefined, now)) {
    return failure(
      'pgp-key-not-revoked',
      `key ${fingerprint} is revoked: Terraform could not encrypt the secret to it; use the key that replaced it`,
    );
  }
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= now.getTime()) {
    return failure(
      'pgp-key-not-expired',
      `key ${fingerprint} expired on ${expires.toISOString().slice(0, 10)}: extend it (\`gpg --quick-set-expire ${fingerprint} 1y\`) and export it again, or use another key`,
    );
  }
  const incapable = await encryptionCapability(key, now);
  if (incapable !== undefined) {
    return failure(
      'pgp-key-encryption-capable',
      `key ${fingerprint} has no usable encryption key (${incapable.replace(/\.$/, '')}): Terraform could not encrypt the secret to it; add an encryption subkey (\`gpg --quick-add-key ${fingerprint} cv25519 encr\`) or use another key`,
    );
  }
  return {
    ok: true,
    facts: {
      fingerprint,
      userIds: key.getUserIDs(),
      expires: expires instanceof Date ? expires : undefined,
    },
  };
}
