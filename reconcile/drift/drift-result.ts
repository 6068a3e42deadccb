import type { EnvironmentDrift } from './findings';
import type { LiveCheck } from './live-checks';

/** One environment's drift check: its plan read (or why it could not be), and the live checks. */
export interface DriftResult {
  readonly environment: string;
  /** `undefined` when the plan failed: `errors` says why. */
  readonly plan: EnvironmentDrift | undefined;
  readonly checks: readonly LiveCheck[];
  readonly errors: readonly string[];
}

export type DriftStatus = 'clean' | 'drift' | 'error';

/** `error` when anything could not be checked; else `drift` when anything needs a look; else `clean`. */
export function driftStatus(result: DriftResult): DriftStatus {
  if (result.errors.length > 0 || result.plan === undefined || result.checks.some((c) => c.status === 'error')) {
    return 'error';
  }
  const found =
    result.plan.drift.length > 0 || result.plan.pending.length > 0 || result.checks.some((c) => c.status === 'finding');
  return found ? 'drift' : 'clean';
}

/** 0 clean, 1 drift or pending changes (or a live finding), 2 when something could not be checked. */
export function exitCode(results: readonly DriftResult[]): number {
  const statuses = results.map(driftStatus);
  return statuses.includes('error') ? 2 : statuses.includes('drift') ? 1 : 0;
}
