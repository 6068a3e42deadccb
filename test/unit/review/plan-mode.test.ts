import { renderMarkdown } from '../../../review';
import { plan, resourceChange, reviewPlan } from './plan-support';

const bucket = (name: string, extra: Record<string, unknown> = {}) => ({
  bucket: name,
  force_destroy: false,
  ...extra,
});

describe("plan mode: Terraform's own actions", () => {
  it.each([[['delete', 'create']], [['create', 'delete']]])(
    'reads %j as a replacement, forced by the replace paths',
    (actions) => {
      const report = reviewPlan(
        plan([
          resourceChange('aws_s3_bucket.receiver', actions, bucket('old'), bucket('new'), {
            replace_paths: [['bucket']],
          }),
        ]),
      );
      const [env] = report.environments;
      expect(env.counts).toMatchObject({ replace: 1, add: 0, destroy: 0 });
      expect(env.resources[0].attributes).toEqual([
        { path: 'bucket', before: 'old', after: 'new', forcesReplacement: true },
      ]);
      expect(report.risks.map((r) => [r.rule, r.what])).toEqual([
        ['bucket-destroyed', 'bucket `old` replaced (forced by `bucket`)'],
      ]);
    },
  );

  it('counts an import, alone or with an update, and reads and forgets', () => {
    const report = reviewPlan(
      plan([
        resourceChange('aws_iam_group.adopted', ['no-op'], { name: 'g' }, { name: 'g' }, { importing: { id: 'g' } }),
        resourceChange(
          'aws_iam_user.adopted',
          ['update'],
          { name: 'u', path: '/' },
          { name: 'u', path: '/x/' },
          {
            importing: { id: 'u' },
          },
        ),
        resourceChange('data.aws_caller_identity.current', ['read'], null, { account_id: '1' }),
        resourceChange('aws_route53_record.old', ['forget'], { name: 't.example', type: 'CNAME' }, null),
      ]),
    );
    const [env] = report.environments;
    expect(env.counts).toEqual({ add: 0, change: 1, replace: 0, destroy: 0, import: 2, read: 1, forget: 1 });
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('= aws_iam_group.adopted: import');
    expect(markdown).toContain('~ aws_iam_user.adopted: import and update in place');
    expect(markdown).toContain('<= data.aws_caller_identity.current: read');
    expect(markdown).toContain('- aws_route53_record.old: forget (removed from state, kept in AWS)');
    expect(markdown).toContain('| `test` | 0 | 1 | 0 | 0 | 2 | 0 |');
    // Forgetting a record keeps it in DNS: nothing is removed.
    expect(report.risks).toEqual([]);
  });

  it('says "No changes" in one line for a plan of no-ops', () => {
    const report = reviewPlan(plan([resourceChange('aws_s3_bucket.receiver', ['no-op'], bucket('b'), bucket('b'))]));
    expect(renderMarkdown(report)).toBe('## Campaign integration review: No changes (plans of `test`)\n');
  });

  it('notes an incomplete or errored plan', () => {
    const report = reviewPlan(
      plan([resourceChange('aws_s3_bucket.receiver', ['update'], bucket('b'), bucket('b', { force_destroy: true }))], {
        complete: false,
      }),
    );
    expect(renderMarkdown(report)).toContain(
      '> The plan of `test` is incomplete (for example, `-target` was used): more changes may follow.',
    );
  });

  it('keeps the drift that matters: what the plan sets back, what others depend on, what was deleted', () => {
    const versioning = (status: string) => ({ bucket: 'b', versioning_configuration: [{ status, mfa_delete: '' }] });
    const report = reviewPlan(
      plan(
        [
          resourceChange('aws_s3_bucket_versioning.v', ['update'], versioning('Suspended'), versioning('Enabled')),
          resourceChange('aws_iam_policy.p', ['no-op'], { name: 'p' }, { name: 'p' }),
          resourceChange('aws_iam_user.u', ['no-op'], { name: 'u', arn: 'a2' }, { name: 'u', arn: 'a2' }),
        ],
        {
          resource_drift: [
            resourceChange('aws_s3_bucket_versioning.v', ['update'], versioning('Enabled'), versioning('Suspended')),
            resourceChange('aws_iam_policy.p', ['update'], { attachment_count: 0 }, { attachment_count: 1 }),
            resourceChange('aws_iam_user.u', ['update'], { name: 'u', arn: 'a1' }, { name: 'u', arn: 'a2' }),
            resourceChange('aws_route53_record.t', ['delete'], { name: 't.example' }, null),
          ],
          relevant_attributes: [{ resource: 'aws_iam_user.u', attribute: ['arn'] }],
        },
      ),
    );
    expect(report.risks.filter((r) => r.rule === 'drift').map((r) => [r.address, r.what])).toEqual([
      [
        'aws_s3_bucket_versioning.v',
        'changed outside Terraform: `versioning_configuration[0].status` `Enabled` → `Suspended`',
      ],
      ['aws_iam_user.u', 'changed outside Terraform: `arn` `a1` → `a2`'],
      ['aws_route53_record.t', 'deleted outside Terraform'],
    ]);
  });

  it('raises no drift risk for a plan without drift', () => {
    const report = reviewPlan(plan([resourceChange('aws_s3_bucket.receiver', ['no-op'], bucket('b'), bucket('b'))]));
    expect(report.risks).toEqual([]);
  });
});
