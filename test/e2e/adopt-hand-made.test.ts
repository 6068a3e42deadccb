import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import {
  CreateBucketCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { adoptionReport } from '../../reconcile/adopt/adoption-report';
import { awsClients } from '../../runtime/aws-clients';
import { LOOKUP_ACTIONS } from '../../reconcile/lookups/read-permissions';
import { cdktf, projectCommand } from '../support/cdktf-cli';
import { environment } from '../support/environment';
import type { Moto } from '../../emulator/moto';
import { type RunResult } from '../support/run';
import { expectExit, terraform } from '../support/terraform';
import { canPut, type clients, type Credentials, withBucketPolicySetAside } from './aws-clients';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const NAME = 'handmade';
const BUCKET = 'initech-campaign-aam-handmade';
const USER = 'initech-campaign';
const ZONE = 'handmade.initech.example';
const HOST = `t.${ZONE}`;
const AUDIENCE = { Key: 'campaign-aam/import/audience-2024.csv', Body: 'visitor-id\n0123\n' };

interface PlannedChange {
  address: string;
  type: string;
  change: { actions: string[]; importing?: { id: string }; before?: any; after?: any };
}

/**
 * Issue 12 in the emulator: a set-up made by hand, as a person following Adobe's guide would
 * (bucket with a segment file and versioning off, IAM user with an inline policy and a key, the
 * tracking CNAME), is taken over by adoption without recreating or deleting anything.
 */
describe('adopting a hand-made set-up in moto', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let moto: Moto;
  let work: string;
  let aws: ReturnType<typeof clients>;
  let file: Record<string, any>;
  let handMadeKey: Credentials;
  let firstReport: RunResult;
  const stackDir = () => emulator.stackDir(NAME);
  const writeEnv = () => emulator.write(NAME, file);
  const adopt = () => projectCommand(work, 'adopt', NAME);
  /** Everything moto holds, except when each access key was last used (moto, like AWS, records that on every request). */
  const emulatorState = async () => {
    const state = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as {
      iam: { AccessKey: Record<string, unknown>[] };
    };
    for (const key of state.iam.AccessKey) delete key.last_used;
    return state;
  };

  const canWrite = (credentials: Credentials) => canPut(moto, BUCKET, 'campaign-aam/export/probe.csv', credentials);

  beforeAll(async () => {
    ({ moto, work, aws } = emulator);

    // The hand-made set-up.
    await aws.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await aws.s3.send(new PutObjectCommand({ Bucket: BUCKET, ...AUDIENCE }));
    await aws.iam.send(new CreateUserCommand({ UserName: USER }));
    await aws.iam.send(
      new PutUserPolicyCommand({
        UserName: USER,
        PolicyName: 'campaign-s3',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:*', Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] },
          ],
        }),
      }),
    );
    const key = (await aws.iam.send(new CreateAccessKeyCommand({ UserName: USER }))).AccessKey!;
    handMadeKey = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    await aws.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: emulator.hostedZoneId,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: HOST,
                Type: 'CNAME',
                TTL: 3600,
                ResourceRecords: [{ Value: 'initech-old.campaign.adobe.com' }],
              },
            },
          ],
        },
      }),
    );

    file = emulator.file(NAME, { bucketName: BUCKET, trackingHost: HOST });
    writeEnv();
  });

  it('adopt reports what exists, what the first plan changes and what is left over, and writes nothing', async () => {
    const before = await emulatorState();
    firstReport = adopt();
    expect(await emulatorState()).toEqual(before);

    // The file does not adopt yet: its first apply would fail on what exists.
    expect(firstReport.status).toBe(1);
    const out = firstReport.stdout;
    expect(out).toContain(`S3 bucket ${BUCKET}: already exists, but the file does not adopt it`);
    expect(out).toContain(`CNAME record ${HOST}: already exists, but the file does not adopt it`);
    expect(suggestedSection(out)).toEqual({
      adopt: { receiverBucket: { settings: ['versioning'] }, iamUser: USER, trackingRecords: true },
    });
    expect(out).toMatch(/import +versioning of initech-campaign-aam-handmade\n +~ versioning: Disabled → Enabled/);
    expect(out).toContain(`import    IAM user ${USER}`);
    expect(out).toContain("~ path: / → /campaign-aam/ (the user's ARN becomes");
    expect(out).toContain('~ TTL: 3600 → 300');
    expect(out).toContain('~ value: initech-old.campaign.adobe.com → initech.campaign.adobe.com');
    expect(out).toContain('create    lifecycle rules of initech-campaign-aam-handmade');
    expect(out).toContain(
      `inline policy "campaign-s3" ((no Sid): Allow s3:* on arn:aws:s3:::${BUCKET}, arn:aws:s3:::${BUCKET}/*)`,
    );
    expect(out).toContain(
      `remove: aws iam delete-user-policy --user-name ${USER} --policy-name campaign-s3 --endpoint-url ${moto.endpoint}`,
    );
    expect(out).toContain(`access key ${handMadeKey.accessKeyId} (Active, created `);
    expect(firstReport.stderr).toBe('');
  });

  it('needs nothing but read permissions: with IAM enforced and a read-only user, the report sees everything', async () => {
    const reader = 'adopt-reader';
    await aws.iam.send(new CreateUserCommand({ UserName: reader }));
    await aws.iam.send(
      new PutUserPolicyCommand({
        UserName: reader,
        PolicyName: 'read-only',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          // moto names two S3 read actions its own way (HeadBucket, GetPublicAccessBlock).
          Statement: [
            { Effect: 'Allow', Action: [...LOOKUP_ACTIONS, 's3:HeadBucket', 's3:GetPublicAccessBlock'], Resource: '*' },
          ],
        }),
      }),
    );
    const key = (await aws.iam.send(new CreateAccessKeyCommand({ UserName: reader }))).AccessKey!;
    const env = await environment(file, NAME);
    const readOnly = awsClients(env, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const before = await emulatorState();
    await moto.enforceIam(true);
    try {
      const report = await adoptionReport(env, readOnly, work);
      expect(report.unreadable).toEqual([]);
      expect(report.proposed.findings.filter((f) => f.outcome === 'unknown')).toEqual([]);
      expect(report.suggestion).toEqual({
        receiverBucket: { settings: ['versioning'] },
        iamUser: USER,
        trackingRecords: true,
      });
    } finally {
      await moto.enforceIam(false);
      readOnly.destroy();
    }
    expect(await emulatorState()).toEqual(before);
  });

  it('with the suggested section, the plan imports and updates in place, and destroys nothing', async () => {
    file.adopt = suggestedSection(firstReport.stdout).adopt;
    writeEnv();
    expectExit(cdktf(work, 'diff', NAME), 0);
    const plan = JSON.parse(terraform(stackDir(), ['show', '-json', 'plan']).stdout) as {
      resource_changes: PlannedChange[];
    };
    const changes = plan.resource_changes;
    const byType = (type: string) => changes.filter((c) => c.type === type);

    expect(changes.filter((c) => c.change.actions.includes('delete'))).toEqual([]);
    expect(
      changes
        .filter((c) => c.change.importing !== undefined)
        .map((c) => [c.type, c.change.importing!.id, c.change.actions])
        .sort(),
    ).toEqual([
      ['aws_iam_user', USER, ['update']],
      ['aws_route53_record', expect.stringMatching(new RegExp(`_${HOST}_CNAME$`)), ['update']],
      ['aws_s3_bucket', BUCKET, ['update']],
      ['aws_s3_bucket_versioning', BUCKET, ['update']],
    ]);
    const [versioning] = byType('aws_s3_bucket_versioning');
    expect(versioning.change.before.versioning_configuration[0].status).toBe('Disabled');
    expect(versioning.change.after.versioning_configuration[0].status).toBe('Enabled');
    const [user] = byType('aws_iam_user');
    expect([user.change.before.path, user.change.after.path]).toEqual(['/', '/campaign-aam/']);
    const [record] = byType('aws_route53_record');
    expect([record.change.before.ttl, record.change.after.ttl]).toEqual([3600, 300]);

    // What is created is only what the hand-made set-up does not have.
    expect(
      changes
        .filter((c) => c.change.actions.includes('create') && c.type !== 'terraform_data')
        .map((c) => c.type)
        .sort(),
    ).toEqual([
      'aws_iam_access_key',
      'aws_iam_group',
      'aws_iam_group_policy_attachment',
      'aws_iam_policy',
      'aws_iam_user_group_membership',
      'aws_s3_bucket_lifecycle_configuration',
      'aws_s3_bucket_ownership_controls',
      'aws_s3_bucket_policy',
      'aws_s3_bucket_public_access_block',
      'aws_s3_bucket_server_side_encryption_configuration',
    ]);
  });

  it('deploys: the segment file is still there, versioning is on, the user keeps its name', async () => {
    expectExit(cdktf(work, 'deploy', NAME, ['--auto-approve']), 0);
    const object = await withBucketPolicySetAside(aws.s3, BUCKET, () =>
      aws.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: AUDIENCE.Key })),
    );
    expect(await object.Body!.transformToString()).toBe(AUDIENCE.Body);
    expect((await aws.s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBe('Enabled');
    expect((await aws.iam.send(new GetUserCommand({ UserName: USER }))).User?.Path).toBe('/campaign-aam/');
  });

  it('a second plan shows no changes: the import blocks are harmless once applied', async () => {
    // moto 5.2.5 drops a user's tags when UpdateUser moves it to another path (the adopted user's
    // path change), so in the emulator the user's default tags need one more apply; AWS keeps them.
    expectExit(terraform(stackDir(), ['plan', '-input=false', '-out=retag']), 0);
    const pending = (
      JSON.parse(terraform(stackDir(), ['show', '-json', 'retag']).stdout) as { resource_changes: PlannedChange[] }
    ).resource_changes.filter((c) => !c.change.actions.includes('no-op'));
    expect(pending.map((c) => [c.type, c.change.actions, Object.keys(c.change.after.tags_all ?? {}).sort()])).toEqual([
      ['aws_iam_user', ['update'], ['Environment', 'Integration', 'ManagedBy']],
    ]);
    expectExit(terraform(stackDir(), ['apply', '-input=false', 'retag']), 0);

    expectExit(terraform(stackDir(), ['plan', '-input=false', '-detailed-exitcode']), 0);
  });

  it('retires the hand-made key through the rotation steps, with Campaign working at every step', async () => {
    const outputs = JSON.parse(terraform(stackDir(), ['output', '-json']).stdout) as Record<string, { value: string }>;
    const stackKey = {
      accessKeyId: outputs.access_key_id.value,
      secretAccessKey: outputs.secret_access_key_blue.value,
    };
    expect(await canWrite(stackKey)).toBe(true);
    expect(await canWrite(handMadeKey)).toBe(true);

    // The file now matches what exists; the report names the key to retire and the exact commands.
    const report = adopt();
    expectExit(report, 0);
    expect(report.stdout).toContain('The adopt section of');
    const deactivate = commandIn(report.stdout, 'update-access-key');
    const remove = commandIn(report.stdout, 'delete-access-key');
    expect(deactivate).toEqual([
      'aws',
      'iam',
      'update-access-key',
      '--user-name',
      USER,
      '--access-key-id',
      handMadeKey.accessKeyId,
      '--status',
      'Inactive',
      '--endpoint-url',
      moto.endpoint,
    ]);
    expect(remove).toEqual([
      'aws',
      'iam',
      'delete-access-key',
      '--user-name',
      USER,
      '--access-key-id',
      handMadeKey.accessKeyId,
      '--endpoint-url',
      moto.endpoint,
    ]);
    // The stack's own key is not something to retire.
    expect(report.stdout).not.toContain(`--access-key-id ${stackKey.accessKeyId}`);

    // As the administrator would: deactivate, check Campaign, delete.
    await aws.iam.send(
      new UpdateAccessKeyCommand({ UserName: USER, AccessKeyId: handMadeKey.accessKeyId, Status: 'Inactive' }),
    );
    expect(await canWrite(stackKey)).toBe(true);
    await aws.iam.send(new DeleteAccessKeyCommand({ UserName: USER, AccessKeyId: handMadeKey.accessKeyId }));
    expect(await canWrite(handMadeKey)).toBe(false);
    expect(await canWrite(stackKey)).toBe(true);
    const keys = await aws.iam.send(new ListAccessKeysCommand({ UserName: USER }));
    expect(keys.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([stackKey.accessKeyId]);
    expectExit(terraform(stackDir(), ['plan', '-input=false', '-detailed-exitcode']), 0);
  });
});

/** The suggested `adopt` section printed by `npm run adopt`. */
function suggestedSection(out: string): { adopt: Record<string, unknown> } {
  const match = /Suggested adopt section for .*:\n\n(\{\n[\s\S]*?\n\})\n/.exec(out);
  if (match === null) throw new Error(`no suggested section in:\n${out}`);
  return JSON.parse(match[1]);
}

/** The words of the first `aws iam <action>` command the report prints. */
function commandIn(out: string, action: string): string[] {
  const match = new RegExp(`\`(aws iam ${action} [^\`]+)\``).exec(out);
  if (match === null) throw new Error(`no ${action} command in:\n${out}`);
  return match[1].split(' ');
}
