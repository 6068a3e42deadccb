import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestKeyPair {
  /** Base64 of the binary public key, as `accessKey.pgpPublicKey` wants it. */
  readonly publicKeyBase64: string;
  /** Decrypts Terraform's `encrypted_secret` (base64) with the private key. */
  decrypt(encryptedBase64: string): string;
  dispose(): void;
}

/** gpg starts an agent per home folder that outlives it: stopped with the folder, so no test leaves one running. */
function removeHome(home: string): void {
  spawnSync('gpgconf', ['--homedir', home, '--kill', 'gpg-agent']);
  rmSync(home, { recursive: true, force: true });
}

/** A throw-away GnuPG key pair in its own home folder. */
export function createTestKeyPair(): TestKeyPair {
  if (spawnSync('gpg', ['--version']).status !== 0) {
    throw new Error('gpg (GnuPG 2) is required for the PGP secret tests: install it, e.g. `apt-get install gnupg`.');
  }
  const home = mkdtempSync(join(tmpdir(), 'campaign-aam-gpg-'));
  const gpg = (args: string[], input?: Buffer) =>
    execFileSync(
      'gpg',
      ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
      { input },
    );
  gpg(['--quick-gen-key', 'Campaign AAM test <test@initech.example>', 'rsa2048', 'encrypt', 'never']);
  return {
    publicKeyBase64: gpg(['--export', 'test@initech.example']).toString('base64'),
    decrypt: (encrypted) => gpg(['--decrypt'], Buffer.from(encrypted, 'base64')).toString('utf8'),
    dispose: () => removeHome(home),
  };
}

/** Base64 binary exports (as `accessKey.pgpPublicKey` takes them) of keys in every state the rules tell apart. */
export interface PgpTestKeys {
  /** An ed25519 key with a cv25519 encryption subkey, valid. */
  readonly valid: string;
  readonly validFingerprint: string;
  /** The same key's private part. */
  readonly privateKey: string;
  /** A signing-only key: no encryption (sub)key. */
  readonly signOnly: string;
  /** A key that expired in 2020. */
  readonly expired: string;
  /** A key with its revocation certificate applied. */
  readonly revoked: string;
  /** Two public keys in one export. */
  readonly twoKeys: string;
}

/** Generates the keys of `PgpTestKeys` with GnuPG in a throw-away home folder (ECC keys: fast). */
export function createPgpTestKeys(): PgpTestKeys {
  if (spawnSync('gpg', ['--version']).status !== 0) {
    throw new Error('gpg (GnuPG 2) is required for the PGP key tests: install it, e.g. `apt-get install gnupg`.');
  }
  const home = mkdtempSync(join(tmpdir(), 'campaign-aam-gpg-'));
  try {
    const gpg = (args: string[], input?: Buffer) =>
      execFileSync(
        'gpg',
        ['--homedir', home, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
        { input, stdio: ['pipe', 'pipe', 'ignore'] },
      );
    const exported = (...uids: string[]) => gpg(['--export', ...uids]).toString('base64');
    const fingerprint = (uid: string) =>
      /^fpr:+([0-9A-F]{40}):/m.exec(gpg(['--with-colons', '--fingerprint', uid]).toString())![1];

    gpg(['--quick-gen-key', 'Valid <valid@initech.example>', 'future-default', 'default', 'never']);
    gpg(['--quick-gen-key', 'Sign only <sign@initech.example>', 'ed25519', 'sign', 'never']);
    gpg([
      '--faked-system-time',
      '20200101T000000',
      '--quick-gen-key',
      'Expired <expired@initech.example>',
      'future-default',
      'default',
      '1d',
    ]);
    gpg(['--quick-gen-key', 'Revoked <revoked@initech.example>', 'future-default', 'default', 'never']);
    const revocation = readFileSync(
      join(home, 'openpgp-revocs.d', `${fingerprint('revoked@initech.example')}.rev`),
      'utf8',
    );
    // GnuPG stores the certificate with its armour line escaped, so that it is not imported by accident.
    gpg(['--import'], Buffer.from(revocation.replace(/^:-----BEGIN/m, '-----BEGIN')));

    return {
      valid: exported('valid@initech.example'),
      validFingerprint: fingerprint('valid@initech.example'),
      privateKey: gpg(['--export-secret-keys', 'valid@initech.example']).toString('base64'),
      signOnly: exported('sign@initech.example'),
      expired: exported('expired@initech.example'),
      revoked: exported('revoked@initech.example'),
      twoKeys: exported('valid@initech.example', 'sign@initech.example'),
    };
  } finally {
    removeHome(home);
  }
}
