import { isDeepStrictEqual } from 'node:util';
import type { Environment } from '../config/environment';
import { type IntendedDifference, type PromotionConfig, samePath } from '../config/promotion';
import type { SettingPath } from '../config/setting-path';
import type { PromotionGraph } from './lanes';
import { compareEnvironments, settingValue, type Difference, type KeptValue } from './compare';

export interface IntendedMatch {
  readonly difference: Difference;
  readonly entry: IntendedDifference;
}

/** Everything `npm run promote <from> <to>` reports, and what `--write` would change. */
export interface PromotionPlan {
  readonly from: Environment;
  readonly to: Environment;
  /** The lane of the step from `from` to `to`. */
  readonly lane: string;
  /** Shared settings and data sources `--write` changes in `to`. */
  readonly toPromote: readonly Difference[];
  /** Settings `to` must be given by hand (their value is its own), or the difference declared. */
  readonly manual: readonly Difference[];
  /** Differences declared in the intended-differences file: neither promoted nor lag. */
  readonly intended: readonly IntendedMatch[];
  /** Per-environment values that differ and stay. */
  readonly kept: readonly KeptValue[];
}

/** Does `entry` declare the difference at `path` between environments `a` and `b`, a step of `lane`? */
export function covers(entry: IntendedDifference, path: SettingPath, a: string, b: string, lane: string): boolean {
  if (!samePath(entry.path, path)) return false;
  if (entry.between !== undefined) return entry.between.includes(a) && entry.between.includes(b);
  if (entry.lanes !== undefined) return entry.lanes.includes(lane);
  return entry.environments!.includes(a) || entry.environments!.includes(b);
}

/** What promoting `from` into `to`, a step of `lane`, would change. */
export function planPromotion(
  from: Environment,
  to: Environment,
  lane: string,
  config: PromotionConfig,
): PromotionPlan {
  const { differences, kept } = compareEnvironments(from, to);
  const intended: IntendedMatch[] = [];
  const open: Difference[] = [];
  for (const difference of differences) {
    const entry = config.intendedDifferences.find((e) => covers(e, difference.path, from.name, to.name, lane));
    if (entry === undefined) open.push(difference);
    else intended.push({ difference, entry });
  }
  return {
    from,
    to,
    lane,
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
  /** For `lanes` entries: the named lane whose steps no longer differ. */
  readonly lane?: string;
  readonly value: unknown;
}

/**
 * Entries of the intended-differences file that declare a difference no longer there, comparing
 * only along the steps of the lanes (two brands never differ from each other): a listed
 * environment whose value equals that of every environment it is promoted from or into, a pair
 * whose values are equal, a lane whose every step has equal values.
 */
export function staleEntries(
  config: PromotionConfig,
  environments: readonly Environment[],
  graph: PromotionGraph,
): StaleEntry[] {
  const byName = new Map(environments.map((e) => [e.name, e]));
  return config.intendedDifferences.flatMap((entry): StaleEntry[] => {
    const value = (name: string) => settingValue(byName.get(name)!, entry.path);
    if (entry.between !== undefined) {
      const [a, b] = entry.between.map(value);
      return isDeepStrictEqual(a, b) ? [{ entry, value: a }] : [];
    }
    if (entry.lanes !== undefined) {
      return entry.lanes.flatMap((lane) => {
        const steps = graph.edges.filter((e) => e.lane === lane);
        const same = steps.every((e) => isDeepStrictEqual(value(e.from), value(e.to)));
        return steps.length > 0 && same ? [{ entry, lane, value: value(steps[0].from) }] : [];
      });
    }
    return entry.environments!.flatMap((name) => {
      const own = value(name);
      const neighbours = graph.edges.flatMap((e) => (e.from === name ? [e.to] : e.to === name ? [e.from] : []));
      return neighbours.length > 0 && neighbours.every((n) => isDeepStrictEqual(value(n), own))
        ? [{ entry, environment: name, value: own }]
        : [];
    });
  });
}
