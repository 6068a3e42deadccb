import { lstatSync } from 'node:fs';
import { parseFolderJson } from './folder-json';
import { decodeUtf8 } from './utf8';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { VISITOR_ID_DATA_SOURCE_LABEL } from '../campaign/vocabulary';
import { closest } from './closest';
import type { Environment } from './environment';
import { fieldCatalog } from './field-catalog';
import { ConfigError, type ConfigProblem, toProblems } from './problems';
import { report, rule } from './rule';
import { DATA_SOURCE_ITEM, parseSettingPath, type SettingPath } from './setting-path';
import { slug } from './slug';
import { PROMOTION_FILE, readEnvironmentFolderFile } from './environment-files';
import { type Lane, laneProblems } from './promotion-lanes';

/**
 * The one reviewed file beside the environments that says which shared settings differ on purpose
 * (each with a reason) and, optionally, the lanes changes are promoted along. It is not an
 * environment: the loader skips it.
 */

/** As for policy suppressions: long enough to say why, short enough not to be an essay. */
export const MINIMUM_REASON = 20;

const environmentName = z.string().min(1);

/** A lane's name: it titles the lane in `--status` and the deploy waves, and intended differences may name it. */
const laneName = z
  .string()
  .superRefine(
    rule(
      'promotion-lane-name',
      (v: string) => /^[a-z][a-z0-9-]{0,62}$/.test(v),
      'a lane name is 1-63 lowercase letters, digits and hyphens, starting with a letter (e.g. `brand-a` or `eu`)',
    ),
  );

const reason = z
  .string()
  .superRefine(
    rule(
      'promotion-reason',
      (v: string) => v.trim().length >= MINIMUM_REASON && /\s/.test(v.trim()),
      `say why the difference is intended, in at least ${MINIMUM_REASON} characters: reviewers read it`,
    ),
  );

const intendedDifference = z
  .strictObject({
    path: z.string().min(1),
    environments: z.array(environmentName).min(1).optional(),
    between: z.tuple([environmentName, environmentName]).optional(),
    lanes: z.array(laneName).min(1).optional(),
    reason,
  })
  .superRefine((entry, ctx) => {
    const given = (['environments', 'between', 'lanes'] as const).filter((key) => entry[key] !== undefined);
    if (given.length !== 1) {
      // Pointed at the second scope when several are given, at the missing `environments` when none is.
      const at = given.length === 0 ? 'environments' : given[1];
      report(
        ctx,
        'promotion-scope',
        [at],
        entry[at],
        'give one of `environments` (each listed environment keeps its own value), `between` (exactly two environments that differ from each other) or `lanes` (the steps of the named lanes keep their values), not several or none',
      );
    }
  });

export const promotionFileShape = z.strictObject({
  $comment: z.string().optional(),
  /**
   * Each lane an ordered list of environments; a lane may start at an environment of another lane
   * (fan-out). Without lanes, environments go development → staging → production, as long as each
   * tier holds at most one environment.
   */
  lanes: z.record(laneName, z.array(environmentName).min(1)).optional(),
  intendedDifferences: z.array(intendedDifference).default([]),
});

/** One declared difference, resolved against the environments. */
export interface IntendedDifference {
  /** Where it is in the file, for messages: `intendedDifferences[2]`. */
  readonly at: string;
  readonly path: SettingPath;
  /** Each of these environments keeps its own value (compared with any other environment). */
  readonly environments?: readonly string[];
  /** Only these two environments differ from each other. */
  readonly between?: readonly [string, string];
  /** The steps of these lanes do not promote the setting. */
  readonly lanes?: readonly string[];
  readonly reason: string;
}

export interface PromotionConfig {
  /** The file, relative to the working directory; it may not exist. */
  readonly file: string;
  readonly exists: boolean;
  /** As declared, in the file's order; absent when the file declares none. */
  readonly lanes?: readonly Lane[];
  readonly intendedDifferences: readonly IntendedDifference[];
}

/** Paths promotion compares: every shared field, and every field whose presence is shared. */
export function promotableFields(): { field: string; scope: 'shared' | 'presence-shared' }[] {
  const seen = new Set<string>();
  return fieldCatalog().flatMap((f) => {
    if ((f.scope !== 'shared' && f.scope !== 'presence-shared') || seen.has(f.path)) return [];
    seen.add(f.path);
    return [{ field: f.path, scope: f.scope }];
  });
}

/** The label promotion matches a data source by: the built-in one has Campaign's fixed label. */
export const dataSourceLabel = (source: Environment['campaign']['dataSources'][number]): string =>
  source.type === 'visitor-id' ? VISITOR_ID_DATA_SOURCE_LABEL : source.label;

/** Whether two entries name the same setting (labels compared as Campaign compares them). */
export const samePath = (a: SettingPath, b: SettingPath): boolean =>
  a.field === b.field &&
  (a.dataSource === undefined || b.dataSource === undefined || slug(a.dataSource) === slug(b.dataSource));

type Shape = z.output<typeof promotionFileShape>;

function referenceProblems(file: string, data: Shape, environments: readonly Environment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const names = environments.map((e) => e.name);
  const problem = (path: string, value: unknown, ruleId: string, message: string) =>
    problems.push({ file, path, value, rule: ruleId, message });
  const checkName = (path: string, name: string) => {
    if (names.includes(name)) return;
    const suggestion = closest(name, names);
    problem(
      path,
      name,
      'promotion-known-environment',
      `is not an environment${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}; known: ${names.join(', ')}`,
    );
  };

  const lanes = lanesOf(data);
  if (lanes !== undefined) {
    for (const p of laneProblems(lanes, names)) problem(p.path, p.value, p.rule, p.message);
  }
  const laneNames = (lanes ?? []).map((l) => l.name);

  const fields = promotableFields();
  const catalogPaths = new Set(fieldCatalog().map((f) => f.path));
  const labels = environments.flatMap((e) => e.campaign.dataSources.map(dataSourceLabel));
  const resolved = new Map<number, SettingPath>();
  data.intendedDifferences.forEach((entry, i) => {
    const at = `intendedDifferences[${i}]`;
    (entry.environments ?? entry.between ?? []).forEach((name, j) =>
      checkName(`${at}.${entry.environments ? 'environments' : 'between'}[${j}]`, name),
    );
    (entry.lanes ?? []).forEach((name, j) => {
      if (laneNames.includes(name)) return;
      const suggestion = closest(name, laneNames);
      problem(
        `${at}.lanes[${j}]`,
        name,
        'promotion-known-lane',
        laneNames.length === 0
          ? 'names a lane, but this file declares no `lanes`'
          : `is not a lane${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}; lanes: ${laneNames.join(', ')}`,
      );
    });
    if (entry.lanes !== undefined && new Set(entry.lanes).size !== entry.lanes.length) {
      problem(`${at}.lanes`, entry.lanes, 'promotion-scope', 'lists a lane twice');
    }
    if (entry.between !== undefined && entry.between[0] === entry.between[1]) {
      problem(`${at}.between`, entry.between, 'promotion-scope', 'names two different environments');
    }
    if (entry.environments !== undefined && new Set(entry.environments).size !== entry.environments.length) {
      problem(`${at}.environments`, entry.environments, 'promotion-scope', 'lists an environment twice');
    }

    const path = parseSettingPath(entry.path);
    if (path === undefined) {
      problem(
        `${at}.path`,
        entry.path,
        'promotion-path',
        'is not a setting path: write it as the field reference does (`receiver.segmentRetentionDays`), with a data source by its label (`campaign.dataSources["Globex CRM ID"].alias`)',
      );
      return;
    }
    const known = path.field === DATA_SOURCE_ITEM || fields.some((f) => f.field === path.field);
    if (!known) {
      const suggestion = closest(
        path.field,
        fields.map((f) => f.field),
      );
      problem(
        `${at}.path`,
        entry.path,
        'promotion-path',
        catalogPaths.has(path.field)
          ? 'is a per-environment field: it is never promoted, so it needs no declared difference'
          : `is not a field of the environment file${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`}`,
      );
      return;
    }
    if (path.field === DATA_SOURCE_ITEM && path.dataSource === undefined) {
      problem(
        `${at}.path`,
        entry.path,
        'promotion-path',
        'name the data source by its label, e.g. `campaign.dataSources["Globex CRM ID"]`',
      );
      return;
    }
    if (path.dataSource !== undefined && !labels.some((l) => slug(l) === slug(path.dataSource!))) {
      problem(
        `${at}.path`,
        entry.path,
        'promotion-path',
        `names a data source that no environment has; labels: ${[...new Set(labels)].map((l) => JSON.stringify(l)).join(', ')}`,
      );
      return;
    }
    resolved.set(i, path);
  });

  // The same setting declared twice for the same environments would leave two reasons to keep in step.
  data.intendedDifferences.forEach((entry, i) => {
    const path = resolved.get(i);
    const first = data.intendedDifferences.findIndex((other, j) => {
      const otherPath = resolved.get(j);
      if (j >= i || path === undefined || otherPath === undefined || !samePath(path, otherPath)) return false;
      if (entry.between !== undefined && other.between !== undefined) {
        return entry.between.every((n) => other.between!.includes(n));
      }
      if (entry.lanes !== undefined && other.lanes !== undefined) {
        return entry.lanes.some((n) => other.lanes!.includes(n));
      }
      return (entry.environments ?? []).some((n) => (other.environments ?? []).includes(n));
    });
    if (first >= 0) {
      problem(
        `intendedDifferences[${i}]`,
        entry.path,
        'promotion-duplicate',
        `declares again what \`intendedDifferences[${first}]\` declares; keep one entry per setting and environment`,
      );
    }
  });
  return problems;
}

const lanesOf = (data: Shape): Lane[] | undefined =>
  data.lanes === undefined
    ? undefined
    : Object.entries(data.lanes).map(([name, environments]) => ({ name, environments }));

/**
 * Reads `<environments>/_promotion.json` and checks it against the (valid) environments: unknown
 * environments, lanes that are not a forest or leave an environment out, unknown or
 * per-environment paths and duplicates are errors, all reported at once. A missing file means no
 * intended differences and no declared lanes.
 */
export function loadPromotionConfig(
  directory: string,
  environments: readonly Environment[],
  cwd = process.cwd(),
): PromotionConfig {
  const path = join(directory, PROMOTION_FILE);
  const file = relative(cwd, path) || path;
  if (lstatSync(path, { throwIfNoEntry: false }) === undefined) return { file, exists: false, intendedDifferences: [] };
  // Read like an environment file: a regular file, bounded, UTF-8, no key twice.
  const read = readEnvironmentFolderFile(path, file);
  if (!read.ok) throw new ConfigError([read.problem]);
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) {
    const { offset, line, column } = decoded.invalid;
    throw new ConfigError([
      {
        file,
        path: '',
        rule: 'utf8',
        message: `is not valid UTF-8 at byte ${offset} (line ${line}, column ${column}); save the file as UTF-8`,
      },
    ]);
  }
  const json = parseFolderJson(file, decoded.text);
  if (!json.ok) throw new ConfigError(json.problems);
  const data = json.value;
  const parsed = promotionFileShape.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ConfigError(toProblems(file, promotionFileShape, data, parsed.error.issues));
  const problems = referenceProblems(file, parsed.data, environments);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    file,
    exists: true,
    lanes: lanesOf(parsed.data),
    intendedDifferences: parsed.data.intendedDifferences.map((entry, i) => ({
      at: `intendedDifferences[${i}]`,
      path: parseSettingPath(entry.path)!,
      environments: entry.environments,
      between: entry.between,
      lanes: entry.lanes,
      reason: entry.reason.trim(),
    })),
  };
}
