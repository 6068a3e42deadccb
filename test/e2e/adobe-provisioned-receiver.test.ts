import { CreateAccessKeyCommand } from '@aws-sdk/client-iam';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { terraformEnv } from '../../runtime/terraform';
import { playAdobe } from '../../deploy/local-run/adobe-receiver';
import type { Moto } from '../../emulator/moto';
import { cdktf, projectCommand, verify } from '../support/cdktf-cli';
import { ADOBE_RECEIVER } from '../support/environment';
import { review } from '../support/review';
import { run, type RunResult } from '../support/run';
import { expectExit } from '../support/terraform';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const NAME = 'adobe';
const ZONE = 'adobe.initech.example';

/**
 * Every file below `dir`, recursively (state, plans, synthesized JSON, documents, logs), but
 * Terraform's `.terraform` folders: the provider binaries are not written by the project.
 */
const filesBelow = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) return [path];
    return entry === '.terraform' ? [] : filesBelow(path);
  });

/**
 * Adobe's path against moto: the emulator plays Adobe (a bucket and a key made with the SDK, outside
 * the stack); the stack deploys without bucket or IAM; `npm run secret` stores the secret from
 * standard input; `npm run verify` checks the location with it; a new key from Adobe is reviewed
 * from plans; destroy. Adobe's secret, planted this way, must be in no file and no output.
 */
describe('a receiver Adobe provisioned, against moto', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let moto: Moto;
  let work: string;
  let file: Record<string, any>;
  let secret: string;
  const printed: RunResult[] = [];
  const write = () => emulator.write(NAME, file);
  const step = (result: RunResult, status = 0) => {
    printed.push(result);
    expectExit(result, status);
    return result;
  };
  const setSecret = (value: string, args: string[] = []) =>
    run('sh', ['-c', `printf %s "$ADOBE_SECRET" | npm run --silent secret -- set ${NAME} ${args.join(' ')}`], {
      env: { ...terraformEnv(), CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments'), ADOBE_SECRET: value },
    });

  beforeAll(() => {
    ({ moto, work } = emulator);
    file = emulator.file(NAME, {}, (f) => (f.receiver = structuredClone(ADOBE_RECEIVER)));
  });

  it('deploys, stores the secret from standard input, verifies, reviews a new key and destroys, with the secret nowhere', async () => {
    const adobe = await playAdobe(moto.endpoint, { name: NAME, receiver: file.receiver });
    secret = adobe.secretAccessKey;
    file.receiver.import.accessKeyId = adobe.accessKeyId;
    file.receiver.export.accessKeyId = adobe.accessKeyId;
    write();

    step(cdktf(work, 'deploy', NAME, ['--auto-approve']));
    const state = JSON.parse(readFileSync(join(work, `${NAME}.tfstate`), 'utf8'));
    const types = (state.resources as { type: string }[]).map((r) => r.type);
    expect(types.filter((t) => t.startsWith('aws_s3_') || t.startsWith('aws_iam_'))).toEqual([]);
    expect(types.filter((t) => t === 'aws_secretsmanager_secret')).toHaveLength(2);

    // Before the secret is stored, verify says how to store it.
    const early = step(verify(work, NAME), 1);
    expect(early.stderr).toContain(`store Adobe's secret with \`npm run secret -- set ${NAME}\``);

    const stored = step(setSecret(secret));
    expect(stored.stdout).toMatch(
      new RegExp(
        `^Stored the secret access key of ${adobe.accessKeyId} \\(import\\) in campaign-aam-${NAME}/import-secret-access-key: version [0-9a-f-]{36}\\nStored the secret access key of ${adobe.accessKeyId} \\(export\\) in campaign-aam-${NAME}/export-secret-access-key: version [0-9a-f-]{36}\\n$`,
      ),
    );
    const refused = step(setSecret(adobe.accessKeyId), 2);
    expect(refused.stderr).toContain('nothing was stored: that is an access key ID, not the secret access key');

    const verified = step(verify(work, NAME));
    expect(verified.stdout).toContain(
      `Checking s3://adobe-aam-initech/campaign/import/ with access key ${adobe.accessKeyId} (us-east-1)`,
    );
    expect(verified.stdout).toContain('Connection check passed.');

    // Adobe sends a new key for the import account: the plan shows it, the review asks for its secret.
    const { iam } = emulator.aws;
    const next = (await iam.send(new CreateAccessKeyCommand({ UserName: `adobe-aam-${NAME}` }))).AccessKey!;
    file.receiver.import.accessKeyId = next.AccessKeyId!;
    write();
    step(projectCommand(work, 'plan', NAME, ['--json-plan', join(work, 'change.json')]));
    const reviewed = step(review(work, ['--plan', `${NAME}=${join(work, 'change.json')}`]));
    expect(reviewed.stdout).toContain(
      `set **AWS Access Key ID** to \`${next.AccessKeyId}\` and **Secret Access Key** to Adobe's secret kept in \`campaign-aam-${NAME}/import-secret-access-key\``,
    );
    expect(reviewed.stdout).toContain(
      `External account *importSharedAudience*: AWS Access Key ID \`${adobe.accessKeyId}\` → \`${next.AccessKeyId}\`; store its secret after deploy with \`npm run secret -- set ${NAME} --account import\``,
    );
    step(cdktf(work, 'deploy', NAME, ['--auto-approve']));
    // Two keys now: the account must be named, and the new secret is a new version.
    expect(step(setSecret(next.SecretAccessKey!), 2).stderr).toContain('--account import');
    step(setSecret(next.SecretAccessKey!, ['--account', 'import']));
    expect(step(verify(work, NAME)).stdout).toContain(`with access key ${next.AccessKeyId}`);

    step(cdktf(work, 'destroy', NAME, ['--auto-approve']));

    for (const path of filesBelow(work)) {
      const bytes = readFileSync(path);
      expect([path, bytes.includes(secret) || bytes.includes(next.SecretAccessKey!)]).toEqual([path, false]);
    }
    for (const result of printed) {
      expect(result.stdout + result.stderr).not.toContain(secret);
      expect(result.stdout + result.stderr).not.toContain(next.SecretAccessKey!);
    }
  });
});
