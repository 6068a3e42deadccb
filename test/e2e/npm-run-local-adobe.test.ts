import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, run } from '../support/run';

jest.setTimeout(900_000);

const FIXTURE = join('test', 'fixtures', 'adobe-provisioned', 'environments');

/** `npm run local` for an environment whose receiver Adobe provisioned: the emulator plays Adobe. */
describe('npm run local, receiver provisioned by Adobe', () => {
  it("deploys without bucket or IAM, stores the secret, checks Adobe's location and leaves nothing behind", () => {
    const result = run('npm', ['run', '--silent', 'local', '--', 'adobe'], {
      env: { CAMPAIGN_AAM_ENVIRONMENTS: FIXTURE },
    });
    const printed = result.stdout + result.stderr;
    if (result.status !== 0) throw new Error(`npm run local failed:\n${printed}`);

    expect(printed).toMatch(
      /receiver\.import\/export\.accessKeyId → (AKIA|ASIA)[A-Z0-9]{16}, the key the emulator made in Adobe's place/,
    );
    // Two secrets, one Route53 record, four Campaign records; no bucket, IAM user, group, policy or key.
    expect(printed).toMatch(/3\/6 deploy .*: 7 resources; the plan after apply shows no changes/);
    expect(printed).toMatch(
      /4\/6 connection check .*: secret stored in Secrets Manager, then write, list, read, delete under s3:\/\/adobe-aam-globex-sandbox\/campaign\/import\/ with Adobe's access key (AKIA|ASIA)[A-Z0-9]{16}/,
    );
    expect(printed).toMatch(
      /^ {2}import_secret_arn +arn:aws:secretsmanager:eu-west-1:\d{12}:secret:campaign-aam-adobe\/import-secret-access-key-/m,
    );
    expect(printed).not.toMatch(/^ {2}receiver_bucket /m);
    expect(printed).toContain('✓ 6/6 destroy and stop the emulator');
    // No secret: nothing shaped like a secret access key (40 characters).
    expect(printed).not.toMatch(/(^|[^A-Za-z0-9/+])[A-Za-z0-9/+]{40}([^A-Za-z0-9/+=]|$)/m);
    expect(readdirSync(join(PROJECT_DIR, '.cache', 'local', 'adobe')).filter((f) => f.includes('tfstate'))).toEqual([]);
  });
});
