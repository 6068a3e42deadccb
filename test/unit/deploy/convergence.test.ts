import { describeNonConvergence, pendingChanges } from '../../../deploy/convergence';

const change = (address: string, ...actions: string[]) => ({ address, change: { actions } });

describe('the convergence check after apply', () => {
  it('names every resource and output still pending, with its action, ignoring no-ops and reads', () => {
    const pending = pendingChanges(
      {
        resource_changes: [
          change('aws_s3_bucket.integration_receiver_bucket_1', 'no-op'),
          change('aws_s3_bucket_lifecycle_configuration.integration_receiver_lifecycle_2', 'create'),
          change('aws_iam_policy.integration_key_policy_3', 'update'),
          change('aws_route53_record.integration_dns_t_4', 'delete', 'create'),
          change('data.aws_caller_identity.current', 'read'),
          change('aws_iam_access_key.integration_key_blue_5', 'delete'),
        ],
        output_changes: { receiver_bucket: { actions: ['no-op'] }, access_key_id: { actions: ['create'] } },
      },
      new Map([
        ['aws_s3_bucket_lifecycle_configuration.integration_receiver_lifecycle_2', 'integration/receiver/lifecycle'],
      ]),
    );
    expect(pending).toEqual([
      {
        action: 'create',
        address: 'aws_s3_bucket_lifecycle_configuration.integration_receiver_lifecycle_2',
        constructPath: 'integration/receiver/lifecycle',
      },
      { action: 'update', address: 'aws_iam_policy.integration_key_policy_3' },
      { action: 'replace', address: 'aws_route53_record.integration_dns_t_4' },
      { action: 'delete', address: 'aws_iam_access_key.integration_key_blue_5' },
      { action: 'create', address: 'output.access_key_id' },
    ]);
  });

  it('fails loudly: what is pending, why, and what to run next', () => {
    const text = describeNonConvergence('dev', {
      converged: false,
      pending: [
        {
          action: 'create',
          address: 'aws_s3_bucket_lifecycle_configuration.x',
          constructPath: 'integration/receiver/lifecycle',
        },
        { action: 'replace', address: 'aws_route53_record.y' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'dev: NOT converged: the plan after apply still has 2 pending changes:',
      '  - create  aws_s3_bucket_lifecycle_configuration.x (integration/receiver/lifecycle)',
      '  - replace aws_route53_record.y',
      'The apply stopped part-way (for example, Terraform was killed), although cdktf may have reported success.',
      'Run `npm run deploy -- dev` again; if it fails because resources "already exist", run `npm run recover -- dev`.',
    ]);
  });

  it('says the apply did not finish when cdktf itself reported the failure (an error, a declined apply)', () => {
    const text = describeNonConvergence(
      'dev',
      { converged: false, pending: [{ action: 'create', address: 'a.b' }] },
      true,
    );
    expect(text.split('\n')).toEqual([
      'dev: NOT converged: the plan after apply still has 1 pending change:',
      '  - create a.b',
      'The apply did not finish: cdktf deploy failed (its error is above).',
      'Run `npm run deploy -- dev` again once the cause is fixed; if it fails because resources "already exist", run `npm run recover -- dev`.',
    ]);
  });
});
