import { isDeepStrictEqual } from 'node:util';
import type { Environment } from '../config/environment';
import { fieldCatalog, type FieldInfo } from '../config/field-catalog';
import type { FieldScope } from '../config/field';
import { dataSourceLabel } from '../config/promotion';
import { DATA_SOURCE_ITEM, type SettingPath } from '../config/setting-path';
import { slug } from '../config/slug';

/**
 * What promoting `from` onto `to` would do to one setting:
 * - `set`: a shared value differs; `to` takes `from`'s;
 * - `remove`: `from` has no such setting (a presence-shared field, or a data source), so `to` loses it;
 * - `add`: a data source only `from` has is added to `to`, without its per-environment values;
 * - `manual`: `from` has a presence-shared setting that `to` lacks; its value is `to`'s own to choose.
 */
export type Action = 'set' | 'remove' | 'add' | 'manual';

export interface Difference {
  readonly path: SettingPath;
  readonly action: Action;
  /** The effective value (defaults applied) in each environment; `undefined` when not set. */
  readonly from: unknown;
  readonly to: unknown;
}

/** A per-environment value that differs and stays as it is in `to`. */
export interface KeptValue {
  readonly path: SettingPath;
  readonly from: unknown;
  readonly to: unknown;
}

type DataSource = Environment['campaign']['dataSources'][number];

/** One unit of comparison: a field, or an array of per-environment records compared whole. */
interface Unit {
  readonly path: string;
  readonly scope: FieldScope;
}

/** `dns.trackingServer.records[].hostname` is compared as part of `dns.trackingServer.records`. */
const arrayPrefix = (path: string) => (path.includes('[]') ? path.slice(0, path.indexOf('[]')) : path);

function unitsOf(fields: readonly FieldInfo[]): Unit[] {
  const units = new Map<string, Unit>();
  for (const field of fields) {
    const path = arrayPrefix(field.path);
    if (field.scope !== undefined && !units.has(path)) units.set(path, { path, scope: field.scope });
  }
  return [...units.values()];
}

const CATALOG = fieldCatalog();
const FILE_UNITS = unitsOf(CATALOG.filter((f) => !f.path.startsWith(DATA_SOURCE_ITEM)));
const DATA_SOURCE_FIELDS = CATALOG.filter(
  (f) => f.path.startsWith(`${DATA_SOURCE_ITEM}.`) && !f.path.endsWith('.type'),
);

/** An object such as `receiver.accessLogs`, whose own fields are compared one by one. */
const hasChildren = (unit: Unit) => FILE_UNITS.some((u) => u.path.startsWith(`${unit.path}.`));

export function valueAt(data: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
}

const fieldsOfType = (type: DataSource['type']) =>
  DATA_SOURCE_FIELDS.filter((f) => f.variant === undefined || f.variant === `type: ${JSON.stringify(type)}`);

/** The key inside one data source: `campaign.dataSources[].alias` → `alias`. */
export const dataSourceKey = (field: string) => field.slice(DATA_SOURCE_ITEM.length + 1);

export function findDataSource(env: Environment, label: string): DataSource | undefined {
  return env.campaign.dataSources.find((s) => slug(dataSourceLabel(s)) === slug(label));
}

/**
 * The value promotion compares for a setting: the effective value of a shared field, whether a
 * presence-shared field or a data source is there at all, and for `campaign.dataSources[].x`
 * (every data source) the values of all of them by label.
 */
export function settingValue(env: Environment, path: SettingPath): unknown {
  const scope = CATALOG.find((f) => f.path === path.field)?.scope;
  if (path.field === DATA_SOURCE_ITEM) return findDataSource(env, path.dataSource!) !== undefined;
  if (path.field.startsWith(DATA_SOURCE_ITEM)) {
    const key = dataSourceKey(path.field);
    if (path.dataSource !== undefined) return valueAt(findDataSource(env, path.dataSource), key);
    return env.campaign.dataSources
      .map((s) => [slug(dataSourceLabel(s)), valueAt(s, key)])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
  }
  const value = valueAt(env, path.field);
  return scope === 'presence-shared' ? value !== undefined : value;
}

function compareDataSources(from: Environment, to: Environment, differences: Difference[], kept: KeptValue[]) {
  const labels = [...from.campaign.dataSources, ...to.campaign.dataSources].map(dataSourceLabel);
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(slug(label))) continue;
    seen.add(slug(label));
    const source = findDataSource(from, label);
    const target = findDataSource(to, label);
    if (source === undefined || target === undefined) {
      differences.push({
        path: { field: DATA_SOURCE_ITEM, dataSource: label },
        action: source === undefined ? 'remove' : 'add',
        from: source,
        to: target,
      });
      continue;
    }
    for (const field of fieldsOfType(source.type)) {
      const a = valueAt(source, dataSourceKey(field.path));
      const b = valueAt(target, dataSourceKey(field.path));
      if (isDeepStrictEqual(a, b)) continue;
      const path = { field: field.path, dataSource: label };
      if (field.scope === 'per-environment') kept.push({ path, from: a, to: b });
      else differences.push({ path, action: 'set', from: a, to: b });
    }
  }
}

/**
 * Every shared setting in which `to` differs from `from` (what promotion would change), and the
 * per-environment values that differ and stay. Values are compared with defaults applied, so
 * spelling a default out in one file is no difference.
 */
export function compareEnvironments(
  from: Environment,
  to: Environment,
): { differences: Difference[]; kept: KeptValue[] } {
  const differences: Difference[] = [];
  const kept: KeptValue[] = [];
  // Values under a presence-shared setting that one side lacks are covered by that setting.
  const absentSomewhere = FILE_UNITS.filter(
    (u) =>
      u.scope === 'presence-shared' && (valueAt(from, u.path) === undefined) !== (valueAt(to, u.path) === undefined),
  ).map((u) => `${u.path}.`);

  // Who provisions the receiver is each environment's own decision (Adobe, or the stack): between
  // two modes, the receiver's and the stack key's settings mean different things and are not promoted.
  const modesDiffer = from.receiver.mode !== to.receiver.mode;
  const ownedByMode = (path: string) => modesDiffer && (path.startsWith('receiver.') || path.startsWith('accessKey.'));
  if (modesDiffer) kept.push({ path: { field: 'receiver.mode' }, from: from.receiver.mode, to: to.receiver.mode });

  for (const unit of FILE_UNITS) {
    if (ownedByMode(unit.path)) continue;
    const a = valueAt(from, unit.path);
    const b = valueAt(to, unit.path);
    if (isDeepStrictEqual(a, b)) continue;
    const path = { field: unit.path };
    if (unit.scope === 'shared') {
      differences.push({ path, action: 'set', from: a, to: b });
    } else if (unit.scope === 'presence-shared' && (a === undefined || b === undefined)) {
      differences.push({ path, action: a === undefined ? 'remove' : 'manual', from: a, to: b });
    } else if (!absentSomewhere.some((prefix) => unit.path.startsWith(prefix)) && !hasChildren(unit)) {
      kept.push({ path, from: a, to: b });
    }
  }
  compareDataSources(from, to, differences, kept);
  return { differences, kept };
}
