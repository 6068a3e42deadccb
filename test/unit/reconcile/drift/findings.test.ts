import { planChanges } from '../../../../review';
import { environmentDrift } from '../../../../reconcile/drift/findings';
import { driftStatus, exitCode, type DriftResult } from '../../../../reconcile/drift/drift-result';
import { renderEnvironment } from '../../../../reconcile/drift/render';
import { plan, planFile, resourceChange } from '../../review/plan-support';

const POLICY = 'aws_s3_bucket_policy.integration_receiver_policy_1A2B3C4D';
const BUCKET = 'aws_s3_bucket.integration_receiver_bucket_F2EA81D6';
const SETTING = 'terraform_data.integration_data-source-visitor-id_setting_0C1D2E3F';

const tlsOnly = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});
const emptied = JSON.stringify({ Version: '2012-10-17', Statement: [] });
const tags = (owner: string) => ({ bucket: 'b', tags_all: { Owner: owner, Project: 'campaign-aam' } });
const setting = (id: string) => ({
  input: { kind: 'shared-data-source', label: 'Recipient - Visitor ID (Defaultdatasources)', aamDestinationId: id },
});

/** A plan after someone removed the TLS-only statement and edited a tag, with an undeployed AAM Destination ID. */
const driftedPlan = plan(
  [
    resourceChange(POLICY, ['update'], { policy: emptied }, { policy: tlsOnly }),
    resourceChange(BUCKET, ['update'], tags('someone'), tags('platform')),
    resourceChange(SETTING, ['update'], setting('123456'), setting('654321')),
  ],
  {
    resource_drift: [
      resourceChange(POLICY, ['update'], { policy: tlsOnly }, { policy: emptied }),
      resourceChange(BUCKET, ['update'], tags('platform'), tags('someone')),
    ],
  },
);

const driftOf = (contents: unknown) => {
  const { projectDir, file } = planFile(contents);
  return environmentDrift(planChanges(projectDir, [{ environment: 'test', file }]).environments[0]);
};
const result = (contents: unknown, extra: Partial<DriftResult> = {}): DriftResult => ({
  environment: 'test',
  plan: driftOf(contents),
  checks: [],
  errors: [],
  ...extra,
});

describe('drift, read the review’s way', () => {
  it('calls a TLS-only statement removed outside Terraform a risk, and a tag edited drift without risk', () => {
    const { drift } = driftOf(driftedPlan);
    expect(drift.map((f) => [f.address, f.risks.map((r) => r.rule)])).toEqual([
      [POLICY, ['tls-only-removed']],
      [BUCKET, []],
    ]);
    expect(drift[0].risks[0]).toMatchObject({
      title: 'TLS-only statement removed from the bucket policy',
      what: 'deny of non-TLS requests (`DenyInsecureTransport`) removed',
    });
    expect(drift[1].what).toBe('changed outside Terraform: `tags_all.Owner` `platform` → `someone`');
  });

  it('leaves out of the pending changes what only puts the drift back, and keeps what the files changed', () => {
    const { pending, pendingChanges } = driftOf(driftedPlan);
    expect(pending.map((f) => [f.address, f.what, f.risks.map((r) => r.rule)])).toEqual([
      [SETTING, 'to update in place: input.aamDestinationId', ['aam-destination-changed']],
    ]);
    expect(pendingChanges.changes.map((c) => c.address)).toEqual([SETTING]);
  });

  it('keeps as pending what the files changed in a drifted resource, and a replacement of one', () => {
    const bucket = (name: string, owner: string) => ({ ...tags(owner), bucket: name });
    const { pending } = driftOf(
      plan(
        [
          resourceChange(
            BUCKET,
            ['update'],
            { ...tags('someone'), acceleration_status: 'Suspended' },
            { ...tags('platform'), acceleration_status: 'Enabled' },
          ),
        ],
        {
          resource_drift: [resourceChange(BUCKET, ['update'], tags('platform'), tags('someone'))],
        },
      ),
    );
    expect(pending.map((f) => f.what)).toEqual(['to update in place: acceleration_status']);
    const replaced = driftOf(
      plan(
        [
          resourceChange(BUCKET, ['delete', 'create'], bucket('b', 'someone'), bucket('c', 'platform'), {
            replace_paths: [['bucket']],
          }),
        ],
        {
          resource_drift: [resourceChange(BUCKET, ['update'], bucket('b', 'platform'), bucket('b', 'someone'))],
        },
      ),
    );
    expect(replaced.pending.map((f) => [f.what, f.risks.map((r) => r.rule)])).toEqual([
      ['to replace', ['bucket-destroyed']],
    ]);
  });

  it('tells the undeployed change in Campaign’s words, with the administrator’s checklist', () => {
    const report = renderEnvironment(result(driftedPlan));
    expect(report).toContain(
      '- Shared data source *Recipient - Visitor ID (Defaultdatasources)*: AAM Destination ID `123456` → `654321`',
    );
    expect(report).toContain('**Adobe-side checklist**, by hand after `npm run deploy -- test`');
    expect(report.split('\n')[0]).toBe(
      '## Drift check of `test`: 2 changes outside Terraform (1 risk), 1 change not deployed (1 risk)',
    );
    expect(report).toContain(
      `- \`${BUCKET}\` (\`receiver/bucket\`): changed outside Terraform: \`tags_all.Owner\` \`platform\` → \`someone\`. Not a risk by the review's rules.`,
    );
  });

  it('counts a resource deleted outside Terraform, and not its re-creation as pending', () => {
    const record = 'aws_route53_record.integration_tracking-dns_cname-tinitechexample_5E6F7A8B';
    const value = { name: 't.initech.example', type: 'CNAME', records: ['initech.campaign.adobe.com'] };
    const { drift, pending } = driftOf(
      plan([resourceChange(record, ['create'], null, value)], {
        resource_drift: [resourceChange(record, ['delete'], value, null)],
      }),
    );
    expect(drift).toEqual([
      {
        address: record,
        what: 'deleted outside Terraform',
        risks: [expect.objectContaining({ rule: 'tracking-dns-changed', what: '`t.initech.example` CNAME removed' })],
      },
    ]);
    expect(pending).toEqual([]);
  });
});

describe('the drift check’s outcome', () => {
  const clean = plan([resourceChange(BUCKET, ['no-op'], tags('platform'), tags('platform'))]);

  it('is clean (exit 0) with no drift, nothing pending and every live check passed', () => {
    const ok = result(clean, { checks: [{ check: 'tracking-record', subject: 'x', status: 'ok', detail: '' }] });
    expect([driftStatus(ok), exitCode([ok])]).toEqual(['clean', 0]);
    expect(renderEnvironment(ok).split('\n')[0]).toBe(
      '## Drift check of `test`: clean: no drift, nothing pending, live checks passed',
    );
  });

  it('needs a look (exit 1) for drift, a pending change or a live finding', () => {
    const finding = result(clean, {
      checks: [{ check: 'access-key-use', subject: 'AKIA', status: 'finding', detail: '' }],
    });
    expect([driftStatus(result(driftedPlan)), driftStatus(finding), exitCode([result(clean), finding])]).toEqual([
      'drift',
      'drift',
      1,
    ]);
  });

  it('could not be checked (exit 2) when a plan or a live check failed, whatever the others found', () => {
    const failed: DriftResult = {
      environment: 'test',
      plan: undefined,
      checks: [],
      errors: ['terraform plan failed:'],
    };
    const unreadable = result(clean, {
      checks: [{ check: 'tracking-record', subject: 'x', status: 'error', detail: '' }],
    });
    expect([driftStatus(failed), driftStatus(unreadable), exitCode([result(driftedPlan), failed])]).toEqual([
      'error',
      'error',
      2,
    ]);
    expect(renderEnvironment(failed)).toContain('**Could not be checked**\n\n```text\nterraform plan failed:\n```');
  });
});
