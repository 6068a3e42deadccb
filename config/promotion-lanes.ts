import { closest } from './closest';

/**
 * The `lanes` of the promotion file: each lane an ordered list of environments that a change
 * travels along. A lane may start at an environment of another lane (a fan-out: one staging into
 * `production-eu` and `production-us`), but an environment is promoted from one environment only,
 * so the lanes form a forest of trees, and every environment belongs to one lane.
 */
export interface Lane {
  readonly name: string;
  /** As listed: the first is where the lane starts (its root), each next one is promoted from the one before. */
  readonly environments: readonly string[];
}

/** One step a change travels: `to` is promoted from `from`, in `lane`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly lane: string;
}

/** A lane, or one entry of it, as messages name it: `lanes.brand-a[2]`. */
export const laneEntry = (lane: string, index?: number) => `lanes.${lane}${index === undefined ? '' : `[${index}]`}`;

export interface LaneProblem {
  readonly path: string;
  readonly value?: unknown;
  readonly rule: string;
  readonly message: string;
}

/** The edges of the lanes, in the order they are listed. */
export const laneEdges = (lanes: readonly Lane[]): Edge[] =>
  lanes.flatMap((lane) =>
    lane.environments.slice(1).map((to, i) => ({ from: lane.environments[i], to, lane: lane.name })),
  );

/**
 * Every mistake in `lanes`, each at its entry: unknown environments, an environment with two
 * sources, cycles, and environments that no lane places.
 */
export function laneProblems(lanes: readonly Lane[], names: readonly string[]): LaneProblem[] {
  const problems: LaneProblem[] = [];
  const known = new Set(names);
  /** Where each environment's source was declared: the first edge into it wins, later ones are reported. */
  const sourceAt = new Map<string, { from: string; at: string; order: number }>();
  let order = 0;

  for (const lane of lanes) {
    lane.environments.forEach((name, i) => {
      const at = laneEntry(lane.name, i);
      if (!known.has(name)) {
        const guess = closest(name, names);
        problems.push({
          path: at,
          value: name,
          rule: 'promotion-known-environment',
          message: `is not an environment${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; known: ${names.join(', ')}`,
        });
        return;
      }
      if (i === 0) return;
      const from = lane.environments[i - 1];
      if (from === name) {
        problems.push({
          path: at,
          value: name,
          rule: 'promotion-lane-cycle',
          message: `is promoted from itself (${name} → ${name}): list each environment of a lane once`,
        });
        return;
      }
      const earlier = sourceAt.get(name);
      if (earlier !== undefined) {
        problems.push({
          path: at,
          value: name,
          rule: 'promotion-lane-source',
          message: `would be promoted from "${from}" here and from "${earlier.from}" at ${earlier.at}: an environment has one source (a fan-out goes the other way: one environment may start several lanes)`,
        });
        return;
      }
      sourceAt.set(name, { from, at, order: order++ });
    });
  }

  // With one source each, a cycle is a loop of sources; it is reported once, at its last-listed edge.
  const reported = new Set<string>();
  for (const start of sourceAt.keys()) {
    const path = [start];
    for (let current = sourceAt.get(start)?.from; current !== undefined; current = sourceAt.get(current)?.from) {
      if (current === start) {
        const last = path.reduce((a, b) => (sourceAt.get(a)!.order > sourceAt.get(b)!.order ? a : b));
        if (!reported.has(last)) {
          path.forEach((n) => reported.add(n));
          const edge = sourceAt.get(last)!;
          // Told from the listed entry's own step: its source → it → ... → its source.
          const back = [last];
          for (let n = edge.from; n !== last; n = sourceAt.get(n)!.from) back.push(n);
          const cycle = [edge.from, last, ...back.slice(2).reverse(), edge.from];
          problems.push({
            path: edge.at,
            value: last,
            rule: 'promotion-lane-cycle',
            message: `closes a cycle (${cycle.join(' → ')}): a change would travel round forever; a lane must start at an environment that nothing is promoted into`,
          });
        }
        break;
      }
      if (path.includes(current)) break;
      path.push(current);
    }
  }

  const placed = new Set(lanes.flatMap((l) => l.environments));
  const missing = names.filter((n) => !placed.has(n));
  if (missing.length > 0) {
    problems.push({
      path: 'lanes',
      rule: 'promotion-lane-missing',
      message: `places no lane for ${missing.map((n) => `"${n}"`).join(', ')}: every environment belongs to one lane (add it to the lane it is promoted in, or give it a lane of its own)`,
    });
  }
  return problems;
}
