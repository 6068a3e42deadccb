import type { PromotionPlan } from './plan';

/**
 * A change that promotion refuses to make to a production-tier environment unless the user says
 * why with `--allow-weaker "<reason>"`. The rules in `config/` still apply on top: production can
 * never have versioning off or force-destroy on, whatever the reason.
 */
export interface GuardRail {
  readonly id: string;
  /** The setting it watches, as promotion names it. */
  readonly path: string;
  /** Would going from `before` to `after` (effective values in the target) weaken it? */
  readonly weakens: (before: unknown, after: unknown) => boolean;
  /** What is lost, in the user's terms. */
  readonly consequence: string;
}

const removed = (before: unknown, after: unknown) => before !== undefined && after === undefined;
const fewerDays = (before: unknown, after: unknown) => Number(after) < Number(before);

export const GUARD_RAILS: readonly GuardRail[] = [
  {
    id: 'keep-versioning',
    path: 'receiver.versioning',
    weakens: (before, after) => before === true && after === false,
    consequence: 'overwritten or deleted audience files could no longer be recovered',
  },
  {
    id: 'no-force-destroy',
    path: 'receiver.forceDestroy',
    weakens: (before, after) => before !== true && after === true,
    consequence: '`cdktf destroy` could delete the bucket together with its audience data',
  },
  {
    id: 'keep-access-logs',
    path: 'receiver.accessLogs',
    weakens: removed,
    consequence: 'requests to the receiver bucket would no longer be logged',
  },
  {
    id: 'keep-kms-key',
    path: 'receiver.kmsKeyArn',
    weakens: removed,
    consequence: 'objects would fall back to SSE-S3, outside the control of your KMS key policy',
  },
  {
    id: 'keep-pgp-key',
    path: 'accessKey.pgpPublicKey',
    weakens: removed,
    consequence: 'the secret access key would be stored in Terraform state in plain text',
  },
  {
    id: 'keep-account-guard',
    path: 'aws.accountId',
    weakens: removed,
    consequence: 'a plan or apply against the wrong AWS account would no longer be refused',
  },
  {
    id: 'keep-segment-retention',
    path: 'receiver.segmentRetentionDays',
    weakens: fewerDays,
    consequence: 'segment files would be deleted sooner',
  },
  {
    id: 'keep-version-retention',
    path: 'receiver.noncurrentVersionRetentionDays',
    weakens: fewerDays,
    consequence: 'overwritten versions would be deleted sooner, shortening the time to recover them',
  },
];

/** The tier whose environments the guard rails protect. */
export const PROTECTED_TIER = 'production';

export interface Weakening {
  readonly rail: GuardRail;
  readonly before: unknown;
  readonly after: unknown;
}

/** The guard rails `plan` would break; none unless the target is production-tier. */
export function weakenings(plan: PromotionPlan): Weakening[] {
  if (plan.to.environment.tier !== PROTECTED_TIER) return [];
  return plan.toPromote.flatMap((difference) => {
    const rail = GUARD_RAILS.find((r) => difference.path.dataSource === undefined && r.path === difference.path.field);
    // The target's value before promotion is `to`; after it, the source's (`from`).
    return rail !== undefined && rail.weakens(difference.to, difference.from)
      ? [{ rail, before: difference.to, after: difference.from }]
      : [];
  });
}
