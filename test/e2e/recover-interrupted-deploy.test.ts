import { DeleteAccessKeyCommand, GetUserCommand } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import { relative } from 'node:path';
import { cdktf, cdktfInvocation, projectCommand } from '../support/cdktf-cli';
import { killTerraformMidApply } from '../support/kill-terraform';
import { PROJECT_DIR, startProcess } from '../support/run';
import { expectExit, terraform } from '../support/terraform';
import type { clients } from './aws-clients';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const NAME = 'interrupted';
const BUCKET = 'initech-campaign-aam-interrupted';
const USER = `campaign-aam-${NAME}`;
const STATE_BUCKET = 'initech-terraform-state';
const STATE_KEY = 'campaign-aam/interrupted.tfstate';
const ZONE = 'interrupted.initech.example';

/**
 * Issue 13, part 2, in the emulator: a deploy whose Terraform is killed mid-apply (state in S3
 * with `use_lockfile`) leaves resources in AWS that state does not know, and its lock. `recover`
 * reports the lock with the force-unlock command and refuses to import while it is held; once a
 * person removed it, recover imports what exists, the next deploy converges and a plan is clean.
 */
describe('recovering from an interrupted deploy in moto', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let work: string;
  let aws: ReturnType<typeof clients>;
  let lockId: string;
  const stackDir = () => emulator.stackDir(NAME);
  const recover = (args: string[] = []) => projectCommand(work, 'recover', NAME, args);
  /** The addresses in state; none when the killed run never wrote state. */
  const stateList = () => {
    const listed = terraform(stackDir(), ['state', 'list']);
    if (listed.status !== 0 && listed.stderr.includes('No state file was found')) return [];
    expectExit(listed, 0);
    return listed.stdout.split('\n').filter(Boolean);
  };
  const exists = (call: () => Promise<unknown>) =>
    call().then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    ({ work, aws } = emulator);
    await aws.s3.send(new CreateBucketCommand({ Bucket: STATE_BUCKET }));
    await aws.s3.send(
      new PutBucketVersioningCommand({ Bucket: STATE_BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    emulator.write(
      NAME,
      emulator.file(NAME, {
        bucketName: BUCKET,
        backend: { type: 's3', bucket: STATE_BUCKET, key: STATE_KEY, region: 'us-east-1' },
      }),
    );
  });

  it('a killed apply leaves resources outside state and its lock behind', async () => {
    const { command, args, env } = cdktfInvocation(work, 'deploy', NAME, ['--auto-approve']);
    const deploy = startProcess(command, args, { env });
    // The provider waits about a minute for the lifecycle rules to settle in moto: kill Terraform in
    // that window, once versioning (which the lifecycle rules wait for) and the IAM user exist.
    await killTerraformMidApply(deploy.pid, async () => {
      const versioning = await aws.s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET })).then(
        (v) => v.Status,
        () => undefined,
      );
      return versioning === 'Enabled' && (await exists(() => aws.iam.send(new GetUserCommand({ UserName: USER }))));
    });
    await deploy.result;

    const lock = await aws.s3.send(new GetObjectCommand({ Bucket: STATE_BUCKET, Key: `${STATE_KEY}.tflock` }));
    lockId = (JSON.parse(await lock.Body!.transformToString()) as { ID: string }).ID;
    expect(lockId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('recover reports the lock with who, when and the force-unlock command, and imports nothing while it is held', () => {
    const before = stateList();
    const result = recover();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`A state lock was left behind: s3://${STATE_BUCKET}/${STATE_KEY}.tflock`);
    expect(result.stdout).toMatch(new RegExp(`ID ${lockId}: apply by \\S+@\\S+ since \\d{4}-\\d\\d-\\d\\dT`));
    expect(result.stdout).toContain(`terraform -chdir=${relativeStackDir()} force-unlock ${lockId}`);
    expect(result.stdout).toContain('(recover never unlocks by itself)');
    expect(result.stdout).toContain(`aws_s3_bucket.`);
    expect(result.stdout).toContain('Not importing while the lock is held');
    expect(stateList()).toEqual(before);
  });

  it('once the lock is removed, --print prints the exact import commands and --yes runs them', async () => {
    expectExit(terraform(stackDir(), ['force-unlock', '-force', lockId]), 0);
    expect(
      await exists(() => aws.s3.send(new HeadObjectCommand({ Bucket: STATE_BUCKET, Key: `${STATE_KEY}.tflock` }))),
    ).toBe(false);

    const printed = recover(['--print']);
    const commands = printed.stdout.split('\n').filter(Boolean);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      expect(command).toMatch(
        new RegExp(`^terraform -chdir=${escape(relativeStackDir())} import -input=false \\S+\\.\\S+ \\S+$`),
      );
    }
    expect(commands).toContainEqual(expect.stringMatching(new RegExp(`^terraform .* aws_s3_bucket\\.\\S+ ${BUCKET}$`)));
    expect(commands).toContainEqual(expect.stringMatching(new RegExp(`^terraform .* aws_iam_user\\.\\S+ ${USER}$`)));
    const addresses = commands.map((c) => c.split(' ')[4]);
    expect(stateList().filter((a) => addresses.includes(a))).toEqual([]);

    const imported = recover(['--yes']);
    expect(imported.stdout).toContain(`Imported ${addresses.length} resources.`);
    const state = stateList();
    expect(addresses.filter((a) => !state.includes(a))).toEqual([]);

    // An access key the killed run created is not in state, and its secret is lost: recover names
    // it with the command that deletes it, and the person running it does so.
    const orphans = [...imported.stdout.matchAll(/aws iam delete-access-key --user-name (\S+) --access-key-id (\S+)/g)];
    expect(imported.status).toBe(0);
    for (const [, user, key] of orphans) {
      expect(user).toBe(USER);
      await aws.iam.send(new DeleteAccessKeyCommand({ UserName: user, AccessKeyId: key }));
    }
  });

  it('the next deploy converges and a plan shows no changes', () => {
    expectExit(cdktf(work, 'deploy', NAME, ['--auto-approve']), 0);
    expectExit(terraform(stackDir(), ['plan', '-input=false', '-detailed-exitcode']), 0);
    const nothingLeft = recover();
    expectExit(nothingLeft, 0);
    expect(nothingLeft.stdout).toContain('Nothing to import');
  });

  /** How the commands (run from the project folder) name the stack folder. */
  const relativeStackDir = () => relative(PROJECT_DIR, stackDir());
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
