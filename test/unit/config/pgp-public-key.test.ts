import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvironment } from '../../../config/load';
import { campaignSetupSheet } from '../../../handoff/campaign-setup-sheet';
import { synthesize } from '../../../synth/synthesize';
import { environment, fileWith } from '../../support/environment';
import { createPgpTestKeys, type PgpTestKeys } from '../../support/gpg';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(60_000);

const withKey = (pgpPublicKey: string) => fileWith((f) => (f.accessKey = { pgpPublicKey }));

async function keyProblems(pgpPublicKey: string) {
  const parsed = await parseEnvironment('environments/test.json', JSON.stringify(withKey(pgpPublicKey)));
  return parsed.ok ? [] : parsed.problems.map((p) => ({ path: p.path, rule: p.rule, message: p.message }));
}

describe('accessKey.pgpPublicKey, read with OpenPGP', () => {
  let keys: PgpTestKeys;
  beforeAll(() => (keys = createPgpTestKeys()));

  it('accepts a public key with an encryption subkey and records its fingerprint', async () => {
    const env = await environment(withKey(keys.valid));
    expect(env.pgpKey).toEqual({
      fingerprint: keys.validFingerprint,
      userIds: ['Valid <valid@initech.example>'],
      expires: undefined,
    });
  });

  it('shows the fingerprint and owner in the setup sheet, grouped as gpg prints it', async () => {
    const sheet = campaignSetupSheet(await environment(withKey(keys.valid)), {
      stackDir: 'cdktf.out/stacks/test',
      emailFile: 'provisioning-request.eml',
    });
    const f = keys.validFingerprint;
    const grouped = `${f.slice(0, 20).match(/.{4}/g)!.join(' ')}  ${f.slice(20).match(/.{4}/g)!.join(' ')}`;
    expect(sheet).toContain(
      '\nterraform -chdir=cdktf.out/stacks/test output -raw encrypted_secret_access_key_blue | base64 --decode | gpg --decrypt\n',
    );
    expect(sheet).toContain(
      `The secret is encrypted to the PGP private key of Valid <valid@initech.example> (fingerprint \`${grouped}\`).`,
    );
  });

  it('says a keybase key is fetched at deploy, since it cannot be read offline', async () => {
    const env = await environment(withKey('keybase:initech_ops'));
    expect(env.pgpKey).toBeUndefined();
    const sheet = campaignSetupSheet(env, { stackDir: 's', emailFile: 'e' });
    expect(sheet).toContain(
      'The secret is encrypted to the PGP private key of `keybase:initech_ops` (Terraform fetched that public key from keybase.io at deploy).',
    );
  });

  it.each([
    [
      'a private key',
      'privateKey',
      'pgp-key-public-only',
      /^is a PRIVATE key \([0-9A-F]{40}\): remove it from the file/,
    ],
    ['an expired key', 'expired', 'pgp-key-not-expired', /^key [0-9A-F]{40} expired on 2020-01-02: extend it/],
    ['a revoked key', 'revoked', 'pgp-key-not-revoked', /^key [0-9A-F]{40} is revoked/],
    ['a signing-only key', 'signOnly', 'pgp-key-encryption-capable', /^key [0-9A-F]{40} has no usable encryption key/],
    [
      'two keys in one export',
      'twoKeys',
      'pgp-key-single',
      /^holds 2 keys .*Terraform would encrypt to the first one only/,
    ],
  ] as const)('rejects %s', async (_what, which, rule, message) => {
    expect(await keyProblems(keys[which])).toEqual([
      { path: 'accessKey.pgpPublicKey', rule, message: expect.stringMatching(message) },
    ]);
  });

  it.each([
    ['base64 that is not a key', Buffer.from('not a key '.repeat(10)).toString('base64'), 'pgp-key-readable'],
    ['base64 wrapped with line breaks', `${'QUJD'.repeat(20)}\n${'QUJD'.repeat(20)}`, 'pgp-public-key'],
    ['base64 without its padding', `${'QUJD'.repeat(20)}QQ`, 'pgp-public-key'],
    ['an ASCII-armoured key', '-----BEGIN PGP PUBLIC KEY BLOCK-----', 'pgp-public-key'],
    ['a keybase name with a space', 'keybase:initech ops', 'pgp-public-key'],
  ])('rejects %s', async (_what, value, rule) => {
    expect(await keyProblems(value)).toEqual([{ path: 'accessKey.pgpPublicKey', rule, message: expect.any(String) }]);
  });

  it('reports a bad key together with the other problems of the file', async () => {
    const parsed = await parseEnvironment(
      'environments/test.json',
      JSON.stringify(
        fileWith((f) => {
          f.accessKey = { pgpPublicKey: keys.privateKey, slots: ['blue', 'blue'] };
          f.receiver.bucketName = 'bad_bucket';
        }),
      ),
    );
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.rule).sort()).toEqual([
      'pgp-key-public-only',
      's3-bucket-name-characters',
      'unique-key-slots',
    ]);
  });

  it('leaves nothing behind when synth rejects a key', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    await expect(
      synthesize({
        environmentsDir: environmentsDir({ dev: withKey(keys.expired) }, project),
        outdir,
        projectDir: project,
      }),
    ).rejects.toThrow(/\[rule: pgp-key-not-expired\]/);
    expect(existsSync(outdir)).toBe(false);
    expect(existsSync(`${outdir}.staging`)).toBe(false);
  });
});
