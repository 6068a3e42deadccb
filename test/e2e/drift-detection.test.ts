import { ChangeResourceRecordSetsCommand, ListResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { GetBucketTaggingCommand, PutBucketTaggingCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformEnv } from '../../runtime/terraform';
import { synthesize } from '../../synth/synthesize';
import { FakeGitHubIssues } from '../support/fake-github-issues';
import { run, start } from '../support/run';
import { expectExit, terraform } from '../support/terraform';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const NAME = 'drifting';
const BUCKET = 'initech-campaign-aam-drifting';
const ZONE = 'drift.initech.example';
const HOST = `t.${ZONE}`;

/**
 * `npm run drift` against one emulator deploy: clean right after it; then someone suspends
 * versioning, deletes the tracking CNAME and edits a tag outside Terraform, and each shows up
 * with the review's risk (or, for the tag, as drift that is no risk), the state untouched, and
 * `npm run drift-issues` opens one issue (on a fake GitHub); once an apply puts everything back,
 * the environment is clean and the issue closed.
 */
describe('npm run drift (moto)', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let work: string;
  let stackDir: string;
  let secret: string;
  let zoneId: string;
  let results: string;
  let github: FakeGitHubIssues;

  const drift = (...args: string[]) =>
    run('npm', ['run', '--silent', 'drift', '--', NAME, ...args], {
      env: { ...terraformEnv(), ...emulator.projectEnv },
    });
  // In the background: the fake GitHub answers from this process, which must not block.
  const driftIssues = () =>
    start('npm', ['run', '--silent', 'drift-issues', '--', '--results', results, NAME], {
      env: {
        ...emulator.projectEnv,
        GITHUB_TOKEN: github.token,
        GITHUB_REPOSITORY: github.repository,
        GITHUB_API_URL: github.url,
        GITHUB_RUN_ID: '',
      },
    });
  const driftTempFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith('campaign-aam-drift-'));

  beforeAll(async () => {
    github = await new FakeGitHubIssues().start();
    ({ work, hostedZoneId: zoneId } = emulator);
    results = join(work, 'drift-results');
    mkdirSync(results);
    emulator.write(
      NAME,
      emulator.file(
        NAME,
        { bucketName: BUCKET, trackingHost: HOST },
        (f) => (f.aws.tags = { CostCenter: 'marketing-ops' }),
      ),
    );
    stackDir = emulator.stackDir(NAME);
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
    await github?.stop();
  });

  it('is clean right after a deploy', () => {
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
    // The saved plan and its JSON are gone.
    expect(driftTempFolders()).toEqual(before);
  });

  describe('after changes made outside Terraform', () => {
    let stateBefore: string;
    let markdown: string;
    let json: ReturnType<typeof drift>;

    beforeAll(async () => {
      const { aws } = emulator;
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
      // One run, as the workflow makes it: JSON on stdout, the Markdown report in a file.
      json = drift('--json', '--out', join(results, `${NAME}.md`));
      writeFileSync(join(results, `${NAME}.json`), json.stdout);
      markdown = readFileSync(join(results, `${NAME}.md`), 'utf8');
    });

    it('exits 1 and names each change with its risk, in the review’s words', () => {
      expectExit(json, 1);
      const out = markdown;
      expect(out.split('\n')[0]).toBe(
        `## Drift check of \`${NAME}\`: 3 changes outside Terraform (2 risks), 1 live check to look at`,
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
      for (const output of [markdown, json.stdout, json.stderr]) expect(output).not.toContain(secret);
    });

    it('wrote no state and left no lock or plan behind', () => {
      expect(terraform(stackDir, ['state', 'pull']).stdout).toBe(stateBefore);
      expect(readdirSync(stackDir).filter((f) => /tfplan|\.lock\.info|^plan$/.test(f))).toEqual([]);
      expect(driftTempFolders()).toEqual([]);
    });

    it('opens one issue naming the environment, each resource and its risk', async () => {
      const result = await driftIssues();
      expectExit(result, 0);
      expect(github.issues).toHaveLength(1);
      const [issue] = github.issues;
      expect(issue.title).toBe(`Drift in ${NAME}: 3 changes outside Terraform (2 risks), 1 live check to look at`);
      expect(issue.body.split('\n')[0]).toBe(`<!-- campaign-aam-drift:${NAME} -->`);
      expect(issue.body).toContain('**Versioning suspended** (`versioning-suspended`)');
      expect(issue.body).toContain('**Tracking DNS record removed, replaced or retargeted** (`tracking-dns-changed`)');
      expect(issue.body).not.toContain(secret);
      expect(result.stdout).toContain(
        `| \`${NAME}\` | needs a look | 3 changes outside Terraform (2 risks), 1 live check to look at (opened #1) |`,
      );
    });
  });

  describe('after a deploy puts everything back', () => {
    let json: ReturnType<typeof drift>;

    beforeAll(() => {
      expectExit(terraform(stackDir, ['apply', '-input=false', '-auto-approve']), 0);
      json = drift('--json', '--out', join(results, `${NAME}.md`));
      writeFileSync(join(results, `${NAME}.json`), json.stdout);
    });

    it('is clean again, and its issue is closed with a comment', async () => {
      expectExit(json, 0);
      const [env] = JSON.parse(json.stdout).environments;
      expect({ status: env.status, drift: env.drift, pending: env.pending, errors: env.errors }).toEqual({
        status: 'clean',
        drift: [],
        pending: [],
        errors: [],
      });
      const result = await driftIssues();
      expectExit(result, 0);
      expect(github.issues.map((i) => [i.state, i.comments])).toEqual([
        ['closed', [`\`${NAME}\` is clean again: no drift, nothing pending, live checks passed.`]],
      ]);
      expect(result.stdout).toContain(
        `| \`${NAME}\` | clean | clean: no drift, nothing pending, live checks passed (closed #1) |`,
      );
    });
  });
});
