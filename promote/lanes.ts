import type { Environment } from '../config/environment';
import { ConfigError } from '../config/problems';
import type { PromotionConfig } from '../config/promotion';
import { type Edge, type Lane, laneEdges } from '../config/promotion-lanes';
import { suggestLanes } from './suggest-lanes';
import { byTier, TIERS } from './tiers';

/** The name of the one lane the tiers make when the file declares none. */
export const TIER_LANE = 'main';

/** Which environment is promoted into which: the lanes, and the edges they make. */
export interface PromotionGraph {
  /** `declared` in the promotion file, or one lane by `tier` (each tier holding at most one environment). */
  readonly source: 'declared' | 'tier';
  readonly lanes: readonly Lane[];
  readonly edges: readonly Edge[];
  /** The edge into each environment that has a source. */
  readonly sourceOf: ReadonlyMap<string, Edge>;
  /** The lane each environment belongs to: the one it is promoted in, or, for a root, the first it starts. */
  readonly laneOf: ReadonlyMap<string, string>;
}

/**
 * Thrown when the file declares no lanes and the tiers do not give one order (a tier holds
 * several environments): promotion does not guess. `suggestion` is the lanes section to add, when
 * the environment names follow a pattern it can be derived from.
 */
export class LanesNeededError extends ConfigError {
  constructor(
    file: string,
    crowded: readonly (readonly [string, readonly string[]])[],
    readonly suggestion: string | undefined,
  ) {
    super([
      {
        file,
        path: 'lanes',
        rule: 'promotion-lanes-needed',
        message: `is needed: the promotion order is ambiguous, since ${crowded
          .map(([tier, names]) => `tier ${tier} holds ${names.join(', ')}`)
          .join('; ')}. Declare the lanes changes travel along (each an ordered list of environments)`,
      },
    ]);
  }
}

function graphOf(source: PromotionGraph['source'], lanes: readonly Lane[]): PromotionGraph {
  const edges = laneEdges(lanes);
  const sourceOf = new Map(edges.map((e) => [e.to, e]));
  const laneOf = new Map<string, string>();
  for (const lane of lanes) {
    for (const name of lane.environments) {
      if (!laneOf.has(name) && !sourceOf.has(name)) laneOf.set(name, lane.name);
    }
  }
  for (const edge of edges) laneOf.set(edge.to, edge.lane);
  return { source, lanes, edges, sourceOf, laneOf };
}

/**
 * The promotion graph: the declared lanes, or one lane through the tiers when each tier holds at
 * most one environment. Throws `LanesNeededError` otherwise.
 */
export function promotionGraph(environments: readonly Environment[], config: PromotionConfig): PromotionGraph {
  if (config.lanes !== undefined) return graphOf('declared', config.lanes);
  const crowded = TIERS.map(
    (tier) => [tier, environments.filter((e) => e.environment.tier === tier).map((e) => e.name)] as const,
  ).filter(([, names]) => names.length > 1);
  if (crowded.length > 0) throw new LanesNeededError(config.file, crowded, suggestLanes(environments));
  const names = [...environments].sort(byTier).map((e) => e.name);
  return graphOf('tier', names.length === 0 ? [] : [{ name: TIER_LANE, environments: names }]);
}

/**
 * Every environment once, lane by lane in the order a change reaches it: for listings that need
 * no graph (the pull-request plans), by tier and then name when the order is ambiguous.
 */
export function listingOrder(environments: readonly Environment[], config: PromotionConfig): string[] {
  if (config.lanes === undefined) return [...environments].sort(byTier).map((e) => e.name);
  return [...new Set(config.lanes.flatMap((l) => l.environments))];
}

/** The lane from its root to `name`: `dev → staging → production-eu`. */
export function pathTo(graph: PromotionGraph, name: string): string[] {
  const path = [name];
  for (let edge = graph.sourceOf.get(name); edge !== undefined; edge = graph.sourceOf.get(edge.from)) {
    path.unshift(edge.from);
  }
  return path;
}
