import { isDeepStrictEqual } from 'node:util';
import type { Environment } from '../config/environment';
import { type IntendedDifference, type PromotionConfig, samePath } from '../config/promotion';
import type { SettingPath } from '../config/setting-path';
import { compareEnvironments, settingValue, type Difference, type KeptValue } from './compare';

export interface IntendedMatch {
  readonly difference: Difference;
  readonly entry: IntendedDifference;
}

/** Everything `npm run promote <from> <to>` reports, and what `--write` would change. */
export interface PromotionPlan {
  readonly from: Environment;
  readonly to: Environment;
  /** Shared settings and data sources `--write` changes in `to`. */
  readonly toPromote: readonly Difference[];
  /** Settings `to` must be given by hand (their value is its own), or the difference declared. */
  readonly manual: readonly Difference[];
  /** Differences declared in the intended-differences file: neither promoted nor lag. */
  readonly intended: readonly IntendedMatch[];
  /** Per-environment values that differ and stay. */
  readonly kept: readonly KeptValue[];
}

/** Does `entry` declare the difference at `path` between environments `a` and `b`? */
export function covers(entry: IntendedDifference, path: SettingPath, a: string, b: string): boolean {
  if (!samePath(entry.path, path)) return false;
  if (entry.between !== undefined) return entry.between.includes(a) && entry.between.includes(b);
  return entry.environments!.includes(a) || entry.environments!.includes(b);
}

export function planPromotion(from: Environment, to: Environment, config: PromotionConfig): PromotionPlan {
  const { differences, kept } = compareEnvironments(from, to);
  const intended: IntendedMatch[] = [];
  const open: Difference[] = [];
  for (const difference of differences) {
    const entry = config.intendedDifferences.find((e) => covers(e, difference.path, from.name, to.name));
    if (entry === undefined) open.push(difference);
    else intended.push({ difference, entry });
  }
  return {
    from,
    to,
    toPromote: open.filter((d) => d.action !== 'manual'),
    manual: open.filter((d) => d.action === 'manual'),
    intended,
    kept,
  };
}

/** Does `to` lag `from`: is there anything to promote, by `--write` or by hand? */
export const lags = (plan: PromotionPlan) => plan.toPromote.length + plan.manual.length > 0;

/** A declared difference that no longer differs: it would hide the next real difference. */
export interface StaleEntry {
  readonly entry: IntendedDifference;
  /** For `environments` entries: the listed environment that no longer has a value of its own. */
  readonly environment?: string;
  readonly value: unknown;
}

/**
 * Entries of the intended-differences file that declare a difference no longer there: a listed
 * environment whose value equals every other environment's, or a pair whose values are equal.
 */
export function staleEntries(config: PromotionConfig, environments: readonly Environment[]): StaleEntry[] {
  const byName = new Map(environments.map((e) => [e.name, e]));
  return config.intendedDifferences.flatMap((entry): StaleEntry[] => {
    if (entry.between !== undefined) {
      const [a, b] = entry.between.map((n) => settingValue(byName.get(n)!, entry.path));
      return isDeepStrictEqual(a, b) ? [{ entry, value: a }] : [];
    }
    return entry.environments!.flatMap((name) => {
      const own = settingValue(byName.get(name)!, entry.path);
      const others = environments.filter((e) => e.name !== name);
      return others.length > 0 && others.every((e) => isDeepStrictEqual(settingValue(e, entry.path), own))
        ? [{ entry, environment: name, value: own }]
        : [];
    });
  });
}
