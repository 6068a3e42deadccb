import { renderJson, renderMarkdown } from '../../../review';
import { plan, resourceChange, reviewPlan } from './plan-support';

const PLANTED = 'PLANTED-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('masking: a planted secret appears nowhere in the report', () => {
  const key = (secret: string | null, extra: Record<string, unknown> = {}) => ({
    user: 'campaign-aam-test',
    pgp_key: null,
    secret,
    ses_smtp_password_v4: secret === null ? null : `${secret}-smtp`,
    status: 'Active',
    ...extra,
  });
  const report = reviewPlan(
    plan(
      [
        // Replaced: the old secret is in `before`, marked sensitive; the new one is unknown.
        resourceChange('aws_iam_access_key.key', ['delete', 'create'], key(PLANTED), key(null, { user: 'other' }), {
          before_sensitive: { secret: true, ses_smtp_password_v4: true },
          after_sensitive: { secret: true, ses_smtp_password_v4: true },
          after_unknown: { secret: true, ses_smtp_password_v4: true, id: true },
          replace_paths: [['user']],
        }),
        // No marker at all on a secret-bearing attribute: masked by its name.
        resourceChange(
          'aws_iam_access_key.unmarked',
          ['update'],
          key(`${PLANTED}-2`),
          key(`${PLANTED}-3`, { status: 'Inactive' }),
        ),
        // A whole value marked sensitive.
        resourceChange(
          'terraform_data.note',
          ['update'],
          { input: { kind: 'other', note: 'a' } },
          { input: { kind: 'other', note: PLANTED } },
          {
            after_sensitive: { input: true },
          },
        ),
      ],
      {
        output_changes: {
          secret_access_key_blue: {
            actions: ['update'],
            before: PLANTED,
            after: `${PLANTED}-new`,
            before_sensitive: true,
            after_sensitive: true,
            after_unknown: false,
          },
        },
        resource_drift: [
          resourceChange('aws_iam_access_key.key', ['update'], key(`${PLANTED}-old`), key(PLANTED), {
            before_sensitive: { secret: true },
            after_sensitive: { secret: true },
          }),
        ],
        relevant_attributes: [{ resource: 'aws_iam_access_key.key', attribute: ['secret'] }],
      },
    ),
  );

  it('is masked in the Markdown and the JSON, which still show that it changed', () => {
    const markdown = renderMarkdown(report);
    const json = renderJson(report);
    for (const output of [markdown, json]) {
      expect(output).not.toContain('PLANTED');
    }
    expect(markdown).toContain('-     secret: (sensitive)');
    expect(markdown).toContain('+     value: (sensitive)');
    expect(markdown).toContain('+     ses_smtp_password_v4: (sensitive)');
    expect(JSON.parse(json).environments[0].resources[1].attributes).toContainEqual({
      path: 'secret',
      before: '(sensitive)',
      after: '(sensitive)',
      forcesReplacement: false,
    });
  });
});
