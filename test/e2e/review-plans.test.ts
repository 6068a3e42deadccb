import { PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../synth/synthesize';
import { projectCommand } from '../support/cdktf-cli';
import { review } from '../support/review';
import { expectExit, terraform } from '../support/terraform';
import { emulatorFixture } from './emulator-fixture';

jest.setTimeout(900_000);

const NAME = 'planned';
const BUCKET = 'initech-campaign-aam-planned';
const ZONE = 'plans.initech.example';

/**
 * `npm run review -- --plan` on real plan JSON: Terraform plans an emulator environment before
 * and after one deploy. The first plan creates everything; the second, after out-of-band drift
 * and a changed environment file, updates in place, replaces, destroys and finds drift, and
 * carries the replaced key's real secret (marked sensitive), which must appear nowhere in the report.
 */
describe('review of real Terraform plans (moto)', () => {
  const emulator = emulatorFixture({ zoneName: ZONE });
  let work: string;
  let stackDir: string;
  let file: Record<string, any>;
  let createPlan: string;
  let changePlan: string;
  let secret: string;

  const writeEnv = () => emulator.write(NAME, file);
  const showJson = (planFile: string, out: string) => {
    const shown = terraform(stackDir, ['show', '-json', planFile]);
    expectExit(shown, 0);
    writeFileSync(out, shown.stdout);
    return out;
  };
  const reviewPlan = (plan: string, extra: string[] = []) => review(work, ['--plan', `${NAME}=${plan}`, ...extra]);

  beforeAll(async () => {
    const { aws } = emulator;
    work = emulator.work;
    file = emulator.file(NAME, { bucketName: BUCKET }, (f) => {
      f.request.identity = 'declared-id';
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'Initech CRM ID',
        alias: 'Adobe Campaign (DeclaredId)',
        aamDestinationId: '222333',
        reconciliationKey: 'crmId',
      });
    });
    writeEnv();
    stackDir = emulator.stackDir(NAME);

    // The first plan the way docs/review.md describes for `cdktf synth`: synth, then terraform plan -out.
    await synthesize({
      environmentsDir: join(work, 'environments'),
      outdir: join(work, 'cdktf.out'),
      projectDir: work,
    });
    expectExit(terraform(stackDir, ['init', '-input=false']), 0);
    expectExit(terraform(stackDir, ['plan', '-input=false', '-out=create.tfplan']), 0);
    createPlan = showJson('create.tfplan', join(work, 'create.json'));
    expectExit(terraform(stackDir, ['apply', '-input=false', 'create.tfplan']), 0);
    secret = JSON.parse(terraform(stackDir, ['output', '-json']).stdout).secret_access_key_blue.value;

    // Out of band: someone suspends versioning. In the file: a new AAM Destination ID and a new
    // CNAME target (updates), a PGP key (Terraform replaces the access key), a removed data source.
    await aws.s3.send(
      new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Suspended' } }),
    );
    file.campaign.dataSources = [{ type: 'visitor-id', aamDestinationId: '654321' }];
    file.request.identity = 'visitor-id';
    file.dns.trackingServer.records[0].target = 'initech-new.campaign.adobe.com';
    file.accessKey = { pgpPublicKey: 'keybase:initech_secops' };
    writeEnv();

    // The second the way it describes for `npm run plan`, which writes the plan's JSON where it is told
    // (owner-only, outside the project) and removes its saved plan.
    changePlan = join(work, 'change.plan.json');
    expectExit(projectCommand(work, 'plan', NAME, ['--json-plan', changePlan]), 0);
    expect(existsSync(join(stackDir, 'plan'))).toBe(false);
  });

  it('reports a first plan as every resource to add, with the Campaign records to create and a request to send', () => {
    const result = reviewPlan(createPlan);
    expectExit(result, 0);
    const report = result.stdout;
    const lines = report.split('\n');
    expect(lines[0]).toBe(
      `## Campaign integration review: 1 of 1 environment changes, no risks found (plans of \`${NAME}\`)`,
    );
    expect(lines).toContain(`| \`${NAME}\` | 19 | 0 | 0 | 0 | 0 | 0 |`);
    expect(report).toContain('### Risks\n\nNone found.');
    expect(lines).toContain(
      '- Shared data source *Initech CRM ID* (new): Data Source/Alias `Adobe Campaign (DeclaredId)`, AAM Destination ID `222333`, Reconciliation process `crmId`, Serves Campaign-Triggers `false`',
    );
    expect(lines).toContain(
      `- [ ] In **Administration > Application settings > External accounts**, create **importSharedAudience** and set **Type** to \`Amazon S3\`, **Receiver server** to \`${BUCKET}.s3.amazonaws.com/campaign-aam/import\`, **AWS Region** to \`us-east-1\`, **AWS Access Key ID** to the output of \`terraform -chdir=cdktf.out/stacks/${NAME} output -raw access_key_id\` and **Secret Access Key** to the output of \`terraform -chdir=cdktf.out/stacks/${NAME} output -raw secret_access_key_blue\` (sensitive: paste it, never post it), then click **Test connection**.`,
    );
    expect(lines).toContain(
      `- **New provisioning request to Adobe: needed** (the provisioning request is new). Send the regenerated \`cdktf.out/stacks/${NAME}/handoff/provisioning-request.eml\`.`,
    );
    expect(report).toMatch(
      /\n\+ aws_s3_bucket\.integration_receiver_bucket_[0-9A-F]{8}: create\n\+ {5}bucket: "initech-campaign-aam-planned"\n/,
    );
    expect(report).toContain('**Handoff documents**: not compared from plans');
  });

  it('reports the in-place updates, the replacement, the destruction and the drift of the second plan, each with its risk', () => {
    const result = reviewPlan(changePlan);
    expectExit(result, 0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      `## Campaign integration review: 1 of 1 environment changes, 5 risks found (plans of \`${NAME}\`)`,
    );
    // In place: the visitor ID data source, the request, both external accounts (new key ID), the
    // CNAME, versioning put back. Replaced: the access key. Destroyed: the removed data source.
    expect(lines).toContain(`| \`${NAME}\` (drift) | 0 | 6 | 1 | 1 | 0 | 5 |`);
    const hasLine = (pattern: RegExp) => expect(lines.filter((l) => pattern.test(l))).toHaveLength(1);
    const address = (type: string, name: string) => `\`${type}\\.integration_${name}_[0-9A-F]{8}\``;
    hasLine(
      new RegExp(
        `^- \`planned\` · ${address('aws_iam_access_key', 'access-key_key-blue')}: access key of slot \`blue\` replaced \\(forced by \`pgp_key\`\\)$`,
      ),
    );
    hasLine(
      new RegExp(
        `^- \`planned\` · ${address('aws_route53_record', 'tracking-dns_cname-tplansinitechexample')}: \`t\\.plans\\.initech\\.example\` CNAME retargeted: \`\\["initech\\.campaign\\.adobe\\.com"\\]\` → \`\\["initech-new\\.campaign\\.adobe\\.com"\\]\`$`,
      ),
    );
    hasLine(
      new RegExp(
        `^- \`planned\` · ${address('terraform_data', 'data-source-visitor-id_setting')}: Shared data source \\*Recipient - Visitor ID \\(Defaultdatasources\\)\\*: AAM Destination ID \`123456\` → \`654321\`$`,
      ),
    );
    hasLine(
      new RegExp(
        `^- \`planned\` · ${address('terraform_data', 'data-source-initech-crm-id_setting')}: Shared data source \\*Initech CRM ID\\* removed$`,
      ),
    );
    hasLine(
      new RegExp(
        `^- \`planned\` · ${address('aws_s3_bucket_versioning', 'receiver_versioning')}: changed outside Terraform: \`versioning_configuration\\[0\\]\\.status\` \`Enabled\` → \`Suspended\`$`,
      ),
    );
    expect(lines).toContain(
      '- Shared data source *Recipient - Visitor ID (Defaultdatasources)*: AAM Destination ID `123456` → `654321`',
    );
    hasLine(
      /^- External account \*importSharedAudience\*: AWS Access Key ID `AKIA[A-Z0-9]{16}` → _\(set at deploy\)_$/,
    );
    hasLine(/^-\/\+ aws_iam_access_key\.integration_access-key_key-blue_[0-9A-F]{8}: replace$/);
    expect(lines).toContain('+     pgp_key: "keybase:initech_secops"  # forces replacement');
    hasLine(/^- terraform_data\.integration_data-source-initech-crm-id_setting_[0-9A-F]{8}: destroy$/);
    expect(lines).toContain('<summary>Changed outside Terraform (drift): 1 resource</summary>');
  });

  it("never shows a sensitive value: the replaced key's secret is in the plan, not in the Markdown or the JSON", () => {
    expect(readFileSync(changePlan, 'utf8')).toContain(secret);
    const markdown = reviewPlan(changePlan);
    const json = reviewPlan(changePlan, ['--json']);
    expectExit(markdown, 0);
    expectExit(json, 0);
    for (const output of [markdown.stdout, markdown.stderr, json.stdout, json.stderr]) {
      expect(output).not.toContain(secret);
    }
    expect(JSON.parse(json.stdout).summary.risks).toBe(5);
  });

  it('exits 3 with --fail-on-risk when the plan raises risks, and 0 for the risk-free first plan', () => {
    expectExit(reviewPlan(changePlan, ['--fail-on-risk']), 3);
    expectExit(reviewPlan(createPlan, ['--fail-on-risk']), 0);
  });
});
