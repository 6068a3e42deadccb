import { ChangeResourceRecordSetsCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { GetBucketTaggingCommand, PutBucketTaggingCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformEnv } from '../../deploy/terraform-env';
import { startMoto, type Moto } from '../../emulator/moto';
import { synthesize } from '../../synth/synthesize';
import { run } from '../support/run';
import { expectExit, terraform } from '../support/terraform';
import { environmentsDir, tempDir } from '../support/temp';
import { clients, createHostedZone } from './aws-clients';
import { emulatorEnvironmentFile } from './emulator-environment';

jest.setTimeout(900_000);

const NAME = 'drifting';
const BUCKET = 'initech-campaign-aam-drifting';
const ZONE = 'drift.initech.example';
const HOST = `t.${ZONE}`;

/**
 * `npm run drift` against one emulator deploy: clean right after it; then someone suspends
 * versioning, deletes the tracking CNAME and edits a tag outside Terraform, and each shows up
 * with the review's risk (or, for the tag, as drift that is no risk), and the state is untouched.
 */
describe('npm run drift (moto)', () => {
  let moto: Moto;
  let work: string;
  let stackDir: string;
  let secret: string;
  let zoneId: string;

  const drift = (...args: string[]) =>
    run('npm', ['run', '--silent', 'drift', '--', NAME, ...args], {
      env: {
        ...terraformEnv(),
        CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments'),
        CDKTF_OUTDIR: join(work, 'cdktf.out'),
      },
    });
  const driftTempFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith('campaign-aam-drift-'));

  beforeAll(async () => {
    moto = await startMoto();
    const aws = clients(moto.endpoint);
    work = tempDir();
    zoneId = await createHostedZone(aws.route53, ZONE);
    environmentsDir(
      {
        [NAME]: emulatorEnvironmentFile(
          {
            endpoint: moto.endpoint,
            bucketName: BUCKET,
            hostedZoneId: zoneId,
            zoneName: ZONE,
            trackingHost: HOST,
            backend: { type: 'local', path: join(work, `${NAME}.tfstate`) },
          },
          (f) => (f.aws.tags = { CostCenter: 'marketing-ops' }),
        ),
      },
      work,
    );
    stackDir = join(work, 'cdktf.out', 'stacks', NAME);
    await synthesize({
      environmentsDir: join(work, 'environments'),
      outdir: join(work, 'cdktf.out'),
      projectDir: work,
    });
    expectExit(terraform(stackDir, ['init', '-input=false']), 0);
    expectExit(terraform(stackDir, ['apply', '-input=false', '-auto-approve']), 0);
    secret = JSON.parse(terraform(stackDir, ['output', '-json']).stdout).secret_access_key_blue.value;
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('is clean right after a deploy, and says so in every form', () => {
    const before = driftTempFolders();
    const text = drift();
    expectExit(text, 0);
    expect(text.stdout).toContain(`| \`${NAME}\` | clean | clean: no drift, nothing pending, live checks passed |`);
    expect(text.stdout).toMatch(/- ✓ Access key in use by Campaign, `AKIA[A-Z0-9]{16}`: never used/);
    expect(text.stdout).toContain(
      `- ✓ Tracking record in Route53, \`${HOST} CNAME\`: points to \`initech.campaign.adobe.com\`, as declared`,
    );
    expect(text.stdout).toContain(
      `- – Tracking record in public DNS, \`${HOST} CNAME\`: emulator environment: no public DNS to ask`,
    );
    const json = drift('--json');
    expectExit(json, 0);
    const [env] = JSON.parse(json.stdout).environments;
    expect({ status: env.status, drift: env.drift, pending: env.pending, errors: env.errors }).toEqual({
      status: 'clean',
      drift: [],
      pending: [],
      errors: [],
    });
    // The saved plan and its JSON are gone.
    expect(driftTempFolders()).toEqual(before);
  });

  describe('after changes made outside Terraform', () => {
    let stateBefore: string;
    let text: ReturnType<typeof drift>;
    let json: ReturnType<typeof drift>;

    beforeAll(async () => {
      const aws = clients(moto.endpoint);
      await aws.s3.send(
        new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Suspended' } }),
      );
      const tags = (await aws.s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET }))).TagSet ?? [];
      await aws.s3.send(
        new PutBucketTaggingCommand({
          Bucket: BUCKET,
          Tagging: {
            TagSet: [...tags.filter((t) => t.Key !== 'CostCenter'), { Key: 'CostCenter', Value: 'edited-by-hand' }],
          },
        }),
      );
      const cname = (
        await aws.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))
      ).ResourceRecordSets!.find((r) => r.Type === 'CNAME')!;
      await aws.route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId,
          ChangeBatch: { Changes: [{ Action: 'DELETE', ResourceRecordSet: cname }] },
        }),
      );
      stateBefore = terraform(stackDir, ['state', 'pull']).stdout;
      text = drift();
      json = drift('--json');
    });

    it('exits 1 and names each change with its risk, in the review’s words', () => {
      expectExit(text, 1);
      const out = text.stdout;
      expect(out).toMatch(
        new RegExp(`^\\| \`${NAME}\` \\| needs a look \\| 3 changes outside Terraform \\(2 risks\\)`, 'm'),
      );
      expect(out).toMatch(
        /- `aws_s3_bucket_versioning\.integration_receiver_versioning_[0-9A-F]{8}` \(`receiver\/versioning`\): changed outside Terraform: `versioning_configuration\[0\]\.status` `Enabled` → `Suspended`\.\n {2}- ⚠️ \*\*Versioning suspended\*\* \(`versioning-suspended`\): versioning `Enabled` → `Suspended`\. Overwritten or deleted segment files/,
      );
      expect(out).toMatch(
        new RegExp(
          `- \`aws_route53_record\\.integration_tracking-dns_cname-tdriftinitechexample_[0-9A-F]{8}\` \\(\`tracking-dns/cname-tdriftinitechexample\`\\): deleted outside Terraform\\.\\n {2}- ⚠️ \\*\\*Tracking DNS record removed, replaced or retargeted\\*\\* \\(\`tracking-dns-changed\`\\): \`${HOST.replace(/\./g, '\\.')}\` CNAME removed\\. Campaign's tracking links`,
        ),
      );
      expect(out).toMatch(
        /- `aws_s3_bucket\.integration_receiver_bucket_[0-9A-F]{8}` \(`receiver\/bucket`\): changed outside Terraform: .*`tags_all\.CostCenter` .*→ `edited-by-hand`.*\. Not a risk by the review's rules\./,
      );
      expect(out).toContain(`- ✗ Tracking record in Route53, \`${HOST} CNAME\`: missing from hosted zone`);
      expect(out).toContain(`\`npm run deploy -- ${NAME}\` puts the declared values back`);
    });

    it('gives the same in JSON, risk levels included, with no secret anywhere', () => {
      expectExit(json, 1);
      const [env] = JSON.parse(json.stdout).environments;
      expect(env.status).toBe('drift');
      const levels = Object.fromEntries(
        env.drift.map((f: { address: string; risks: { rule: string }[] }) => [
          f.address.split('.')[0],
          f.risks.map((r) => r.rule),
        ]),
      );
      expect(levels).toEqual({
        aws_s3_bucket_versioning: ['versioning-suspended'],
        aws_route53_record: ['tracking-dns-changed'],
        aws_s3_bucket: [],
      });
      // What a deploy would do is only putting the drift back: nothing else is pending.
      expect(env.pending).toEqual([]);
      for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) expect(output).not.toContain(secret);
    });

    it('wrote no state and left no lock or plan behind', () => {
      expect(terraform(stackDir, ['state', 'pull']).stdout).toBe(stateBefore);
      expect(readdirSync(stackDir).filter((f) => /tfplan|\.lock\.info|^plan$/.test(f))).toEqual([]);
      expect(driftTempFolders()).toEqual([]);
    });
  });
});
