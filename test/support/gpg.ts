import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestKeyPair {
  /** Base64 of the binary public key, as `accessKey.pgpPublicKey` wants it. */
  readonly publicKeyBase64: string;
  /** Decrypts Terraform's `encrypted_secret` (base64) with the private key. */
  decrypt(encryptedBase64: string): string;
  dispose(): void;
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
    dispose: () => rmSync(home, { recursive: true, force: true }),
  };
}
