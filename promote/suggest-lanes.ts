import type { Environment } from '../config/environment';
import type { Lane } from '../config/promotion-lanes';
import { byTier, tierIndex as tierOf, TIERS } from './tiers';

/** How a name may carry its lane: `<lane>-<stage>` (`brand-a-dev`) or `<stage>-<lane>` (`dev-brand-a`). */
const PATTERNS: readonly ((name: string) => string | undefined)[] = [
  (name) => (name.lastIndexOf('-') > 0 ? name.slice(0, name.lastIndexOf('-')) : undefined),
  (name) =>
    name.indexOf('-') > 0 && name.indexOf('-') < name.length - 1 ? name.slice(name.indexOf('-') + 1) : undefined,
];

/** Lanes from one naming pattern that every name follows, each lane holding one environment per tier. */
function byPattern(environments: readonly Environment[]): Lane[] | undefined {
  const fits = PATTERNS.flatMap((laneName) => {
    const groups = new Map<string, Environment[]>();
    for (const env of environments) {
      const lane = laneName(env.name);
      if (lane === undefined) return [];
      groups.set(lane, [...(groups.get(lane) ?? []), env]);
    }
    const lanes = [...groups].map(([name, members]) => ({ name, members: [...members].sort(byTier) }));
    const distinctTiers = lanes.every(
      ({ members }) => members.length > 1 && new Set(members.map(tierOf)).size === members.length,
    );
    return distinctTiers ? [lanes] : [];
  });
  const best = fits.sort((a, b) => a.length - b.length)[0];
  return best
    ?.sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, members }) => ({ name, environments: members.map((e) => e.name) }));
}

/** One chain through the lower tiers that fans out into the environments of the last (`production-eu`, `production-us`). */
function byFanOut(environments: readonly Environment[]): Lane[] | undefined {
  const tiers = TIERS.map((_, i) => environments.filter((e) => tierOf(e) === i).sort(byTier)).filter(
    (t) => t.length > 0,
  );
  const chain = tiers.slice(0, -1);
  const fan = tiers[tiers.length - 1] ?? [];
  if (chain.length === 0 || chain.some((t) => t.length > 1) || fan.length < 2) return undefined;
  const names = chain.map(([e]) => e.name);
  // `production-eu`, `production-us` → lanes `eu`, `us`, when what is left is a valid, distinct lane name.
  const prefix = /^[a-z][a-z0-9]*-/.exec(fan[0].name)?.[0];
  const short = fan.map((e) => (prefix !== undefined && e.name.startsWith(prefix) ? e.name.slice(prefix.length) : ''));
  const laneNames =
    short.every((s) => /^[a-z]/.test(s)) && new Set(short).size === short.length ? short : fan.map((e) => e.name);
  return fan.map((e, i) => ({
    name: laneNames[i],
    environments: i === 0 ? [...names, e.name] : [names[names.length - 1], e.name],
  }));
}

/**
 * The `lanes` section to add to the promotion file, derived from the environment names where they
 * follow one pattern; `undefined` when they do not.
 */
export function suggestLanes(environments: readonly Environment[]): string | undefined {
  const lanes = byPattern(environments) ?? byFanOut(environments);
  if (lanes === undefined) return undefined;
  const entries = lanes.map(
    (l) => `    ${JSON.stringify(l.name)}: [${l.environments.map((n) => JSON.stringify(n)).join(', ')}]`,
  );
  return ['  "lanes": {', entries.join(',\n'), '  }'].join('\n');
}
