import { readFileSync } from 'node:fs';
import { writeFileAtomically } from '../runtime/atomic-write';
import { basename, join, relative } from 'node:path';
import { unknownEnvironment } from '../config/environment-files';
import type { Environment } from '../config/environment';
import { MINIMUM_REASON } from '../config/promotion';
import type { ConfigProblem } from '../config/problems';
import { formatSettingPath } from '../config/setting-path';
import { weakenings, type Weakening } from './guard-rails';
import { pathTo, type PromotionGraph } from './lanes';
import { lags, planPromotion, type PromotionPlan } from './plan';
import { promotedText } from './promoted-text';
import { validateCandidate } from './validate-candidate';
import { lanesOf, type Workspace } from './workspace';

/** A mistake in what was asked (unknown environment, promoting onto itself...): nothing was done. */
export class PromoteUsageError extends Error {}

export interface PromoteOptions {
  readonly write: boolean;
  /** Why weakening a production environment's security is acceptable this time. */
  readonly allowWeaker?: string;
}

/** Why `--write` wrote nothing. */
export type Refusal =
  | { readonly kind: 'guard-rail'; readonly weakening: Weakening }
  | { readonly kind: 'manual'; readonly path: string }
  | { readonly kind: 'invalid'; readonly problem: ConfigProblem };

export interface WriteOutcome {
  readonly file: string;
  /** `written`; `up-to-date` when there was nothing to promote; `refused` with every reason. */
  readonly status: 'written' | 'up-to-date' | 'refused';
  readonly refusals: readonly Refusal[];
}

export interface PromoteResult {
  readonly plan: PromotionPlan;
  readonly lags: boolean;
  /** Guard rails the promotion would break (production-tier targets only). */
  readonly weakenings: readonly Weakening[];
  readonly allowWeaker?: string;
  readonly write?: WriteOutcome;
}

export function environmentNamed(workspace: Workspace, name: string): Environment {
  const env = workspace.environments.find((e) => e.name === name);
  if (env !== undefined) return env;
  const names = workspace.environments.map((e) => e.name);
  throw new PromoteUsageError(
    `${unknownEnvironment(name, names)} (the files in ${relative(workspace.cwd, workspace.environmentsDir) || '.'}/)`,
  );
}

/** Why `from` → `to` is not a step of the lanes, and which steps there are. */
function notAStep(workspace: Workspace, graph: PromotionGraph, from: string, to: string): string {
  const where = graph.source === 'declared' ? `the lanes in ${workspace.config.file}` : 'the one lane the tiers give';
  const path = pathTo(graph, to);
  const edge = graph.sourceOf.get(to);
  if (edge === undefined) {
    return `nothing is promoted into "${to}": it starts lane ${graph.laneOf.get(to)} (${where})`;
  }
  if (path.includes(from)) {
    const steps = path.slice(path.indexOf(from));
    const oneByOne = steps.slice(1).map((name, i) => `${steps[i]} → ${name}`);
    return `"${to}" is not promoted from "${from}" directly: promote one step at a time, ${oneByOne.join(', then ')}`;
  }
  return `"${to}" is promoted from "${edge.from}", not from "${from}": lane ${edge.lane} is ${path.join(' → ')} (${where})`;
}

function checkAllowWeaker(reason: string | undefined): void {
  if (reason !== undefined && reason.trim().length < MINIMUM_REASON) {
    throw new PromoteUsageError(
      `--allow-weaker needs a reason of at least ${MINIMUM_REASON} characters saying why weakening this environment is acceptable; it is printed with the result`,
    );
  }
}

/**
 * Compares `fromName` with `toName`, a step of the lanes, and, with `write`, brings `toName`'s file up to date: only the
 * promoted paths change, and only when the whole set of environment files would still synthesize
 * and no guard rail is broken (or `allowWeaker` says why). Otherwise nothing is written and every
 * reason is returned.
 */
export async function promote(
  workspace: Workspace,
  fromName: string,
  toName: string,
  options: PromoteOptions,
): Promise<PromoteResult> {
  const from = environmentNamed(workspace, fromName);
  const to = environmentNamed(workspace, toName);
  if (from.name === to.name) {
    throw new PromoteUsageError(`cannot promote "${from.name}" onto itself: name two different environments`);
  }
  const graph = lanesOf(workspace);
  const edge = graph.sourceOf.get(to.name);
  if (edge?.from !== from.name) throw new PromoteUsageError(notAStep(workspace, graph, from.name, to.name));
  checkAllowWeaker(options.allowWeaker);
  const allowWeaker = options.allowWeaker?.trim();

  const plan = planPromotion(from, to, edge.lane, workspace.config);
  const weakened = weakenings(plan);
  const result = { plan, lags: lags(plan), weakenings: weakened, allowWeaker };
  if (!options.write) return result;

  const file = join(workspace.environmentsDir, basename(to.sourceFile));
  const shown = relative(workspace.cwd, file);
  if (!result.lags) return { ...result, write: { file: shown, status: 'up-to-date', refusals: [] } };

  const refusals: Refusal[] = [
    ...plan.manual.map((d): Refusal => ({ kind: 'manual', path: formatSettingPath(d.path) })),
    ...(allowWeaker === undefined ? weakened.map((w): Refusal => ({ kind: 'guard-rail', weakening: w })) : []),
  ];
  const fromText = readFileSync(join(workspace.environmentsDir, basename(from.sourceFile)), 'utf8');
  const toText = readFileSync(file, 'utf8');
  const text = promotedText(plan, fromText, toText, file, workspace.cwd);
  refusals.push(
    ...(await validateCandidate(workspace.environmentsDir, workspace.cwd, file, text)).map(
      (problem): Refusal => ({ kind: 'invalid', problem }),
    ),
  );
  if (refusals.length > 0) return { ...result, write: { file: shown, status: 'refused', refusals } };
  writeFileAtomically(file, text);
  return { ...result, write: { file: shown, status: 'written', refusals: [] } };
}
