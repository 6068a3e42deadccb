import { checkFingerprint, comparePlan, describeMoved, planFingerprint } from '../../../deploy/plan-fingerprint';
import type { Plan } from '../../../review/plan/plan-file';
import { plan, resourceChange } from '../review/plan-support';

const VERSIONING = 'aws_s3_bucket_versioning.receiver_versioning_1A2B3C4D';
const KEY = 'aws_iam_access_key.receiver_key_blue_5E6F7A8B';
const POLICY = 'aws_iam_policy.receiver_policy_9C0D1E2F';

const versioning = (status: string) =>
  resourceChange(
    VERSIONING,
    ['update'],
    { bucket: 'b', versioning_configuration: [{ status: 'Enabled', mfa_delete: '' }] },
    { bucket: 'b', versioning_configuration: [{ status, mfa_delete: '' }] },
  );

/** The access key as state holds it without a PGP key: the secret in plain text, marked sensitive. */
const accessKey = (secret: string, actions = ['update']) =>
  resourceChange(
    KEY,
    actions,
    { id: 'AKIAEXAMPLE', user: 'u', status: 'Active', secret, ses_smtp_password_v4: `smtp-${secret}` },
    { id: 'AKIAEXAMPLE', user: 'u', status: 'Inactive', secret, ses_smtp_password_v4: `smtp-${secret}` },
    {
      before_sensitive: { secret: true, ses_smtp_password_v4: true },
      after_sensitive: { secret: true, ses_smtp_password_v4: true },
    },
  );

const withOutputs = (secret: string) => ({
  output_changes: {
    secret_access_key_blue: {
      actions: ['update'],
      before: secret,
      after: `${secret}2`,
      before_sensitive: true,
      after_sensitive: true,
    },
  },
});

const asPlan = (p: unknown) => p as Plan;

describe('the plan fingerprint', () => {
  it('is the same for the same changes, whatever the order of changes and keys', () => {
    const a = plan([versioning('Suspended'), accessKey('s3cr3t')]);
    const b = plan([accessKey('s3cr3t'), versioning('Suspended')]);
    (b.resource_changes[1] as { change: Record<string, unknown> }).change = Object.fromEntries(
      Object.entries((b.resource_changes[1] as { change: Record<string, unknown> }).change).reverse(),
    );
    expect(planFingerprint(asPlan(a))).toBe(planFingerprint(asPlan(b)));
    expect(planFingerprint(asPlan(a))).toMatch(/^plan1:[\w-]+$/);
  });

  it('holds nothing of a planted secret: two plans that differ only in the secret have the same fingerprint', () => {
    const planted = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY';
    const withSecret = (secret: string) => asPlan(plan([accessKey(secret)], withOutputs(secret)));
    const fingerprint = planFingerprint(withSecret(planted));
    expect(fingerprint).not.toContain(planted);
    expect(fingerprint).toBe(planFingerprint(withSecret('another-secret-entirely-0123456789abcdef')));
  });

  it('ignores what does not change, and tells every non-sensitive value that does', () => {
    const noOp = resourceChange(POLICY, ['no-op'], { policy: '{}' }, { policy: '{}' });
    expect(planFingerprint(asPlan(plan([versioning('Suspended'), noOp])))).toBe(
      planFingerprint(asPlan(plan([versioning('Suspended')]))),
    );
    expect(planFingerprint(asPlan(plan([versioning('Suspended')])))).not.toBe(
      planFingerprint(asPlan(plan([versioning('Disabled')]))),
    );
    expect(planFingerprint(asPlan(plan([])))).toBe('plan1:');
  });
});

describe('comparing the plan now with the approved fingerprint', () => {
  const approved = planFingerprint(asPlan(plan([versioning('Suspended'), accessKey('s')])));

  it('finds nothing when the plan is the approved one', () => {
    expect(comparePlan(asPlan(plan([accessKey('s'), versioning('Suspended')])), approved)).toEqual([]);
  });

  it('names each change that moved: changed, new, and approved but no longer planned', () => {
    const now = asPlan(
      plan([
        versioning('Disabled'),
        resourceChange(KEY, ['no-op'], {}, {}),
        resourceChange(POLICY, ['delete'], { policy: '{}' }, null),
      ]),
    );
    const moved = comparePlan(now, approved);
    expect(moved).toEqual([
      { kind: 'new', address: POLICY, action: 'delete' },
      { kind: 'changed', address: VERSIONING, action: 'update' },
      { kind: 'gone', address: KEY },
    ]);
    expect(describeMoved('production', moved)).toBe(
      [
        'production: NOT applied: the plan now differs from the approved one in 3 changes:',
        `  - new since the approval: delete ${POLICY}`,
        `  - changed since the approval: update ${VERSIONING}`,
        `  - approved, no longer planned: ${KEY}`,
        'State or the account changed after the plan was approved. Nothing was applied.',
        'Review the new plan (`npm run plan -- production`) and approve its fingerprint.',
      ].join('\n'),
    );
  });

  it.each(['', 'sha256:abc', 'plan1:not base64!', 'plan1:AAAA'])('refuses %j, which is not a fingerprint', (value) => {
    expect(() => checkFingerprint(value)).toThrow(`"${value}" is not a plan fingerprint (plan1:…`);
  });
});
