import { formatSettingPath } from '../config/setting-path';
import type { Difference, KeptValue } from './compare';
import { PROTECTED_TIER } from './guard-rails';
import type { IntendedMatch, PromotionPlan, StaleEntry } from './plan';
import type { PromoteResult, Refusal } from './promote';
import type { PromotionStatus } from './status';
import type { Workspace } from './workspace';

/** JSON has no `undefined`: a setting that is not set is `null`. */
const value = (v: unknown) => (v === undefined ? null : v);

const difference = (d: Difference) => ({
  path: formatSettingPath(d.path),
  action: d.action,
  from: value(d.from),
  to: value(d.to),
});

const kept = (k: KeptValue) => ({ path: formatSettingPath(k.path), from: value(k.from), to: value(k.to) });

const intended = ({ difference: d, entry }: IntendedMatch) => ({
  path: formatSettingPath(d.path),
  from: value(d.from),
  to: value(d.to),
  declaredAt: entry.at,
  reason: entry.reason,
});

const stale = (s: StaleEntry) => ({
  declaredAt: s.entry.at,
  path: formatSettingPath(s.entry.path),
  environment: s.environment ?? null,
  lane: s.lane ?? null,
  between: s.entry.between ?? null,
  value: value(s.value),
});

function refusal(r: Refusal) {
  switch (r.kind) {
    case 'guard-rail':
      return {
        kind: r.kind,
        guardRail: r.weakening.rail.id,
        path: r.weakening.rail.path,
        before: value(r.weakening.before),
        after: value(r.weakening.after),
        consequence: r.weakening.rail.consequence,
      };
    case 'manual':
      return { kind: r.kind, path: r.path };
    default:
      return { kind: r.kind, ...r.problem, value: value(r.problem.value) };
  }
}

const plan = (p: PromotionPlan) => ({
  lane: p.lane,
  from: p.from.name,
  to: p.to.name,
  toPromote: p.toPromote.map(difference),
  manual: p.manual.map(difference),
  intended: p.intended.map(intended),
});

export function promotionJson(workspace: Workspace, result: PromoteResult) {
  return {
    ...plan(result.plan),
    lags: result.lags,
    kept: result.plan.kept.map(kept),
    guardRails: {
      applies: result.plan.to.environment.tier === PROTECTED_TIER,
      weakenings: result.weakenings.map((w) => refusal({ kind: 'guard-rail', weakening: w })),
      allowedWeaker: result.allowWeaker ?? null,
    },
    stale: workspace.stale.map(stale),
    write:
      result.write === undefined
        ? null
        : { file: result.write.file, status: result.write.status, refusals: result.write.refusals.map(refusal) },
  };
}

export function statusJson(workspace: Workspace, status: PromotionStatus) {
  return {
    lanesSource: status.source,
    lanes: status.lanes.map(({ lane, steps }) => ({
      name: lane.name,
      environments: lane.environments,
      steps: steps.map((s) => ({ ...plan(s.plan), lags: s.lags })),
    })),
    stale: workspace.stale.map(stale),
  };
}
