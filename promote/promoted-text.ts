import { fieldCatalog } from '../config/field-catalog';
import { DATA_SOURCE_ITEM, DATA_SOURCES } from '../config/setting-path';
import { slug } from '../config/slug';
import { VISITOR_ID_DATA_SOURCE_LABEL } from '../campaign/vocabulary';
import { dataSourceKey, valueAt } from './compare';
import { jsonEditor, prettierFormat } from './json-edit';
import type { PromotionPlan } from './plan';

type Json = Record<string, unknown>;

/** Fields a data source copied to another environment leaves out: that environment's own values. */
const PER_ENVIRONMENT_DATA_SOURCE_KEYS = fieldCatalog()
  .filter((f) => f.path.startsWith(`${DATA_SOURCE_ITEM}.`) && f.scope === 'per-environment')
  .map((f) => dataSourceKey(f.path));

const DATA_SOURCES_PATH = DATA_SOURCES.split('.');

const rawLabel = (item: Json) => String(item.type === 'visitor-id' ? VISITOR_ID_DATA_SOURCE_LABEL : item.label);

function rawDataSources(file: Json): Json[] {
  const items = valueAt(file, DATA_SOURCES);
  return Array.isArray(items) ? (items as Json[]) : [];
}

const indexOfLabel = (items: Json[], label: string) => items.findIndex((i) => slug(rawLabel(i)) === slug(label));

/**
 * The text of `to` after promotion: only the paths in `plan.toPromote` change. A value the source
 * spells out is copied as written; a value the source leaves to its default is removed from the
 * target too (and so are objects that this leaves empty and the source does not have).
 */
export function promotedText(
  plan: PromotionPlan,
  fromText: string,
  toText: string,
  toFile: string,
  cwd: string,
): string {
  const source = JSON.parse(fromText) as Json;
  const prettierClean = prettierFormat(toFile, toText, cwd) === toText;
  const editor = jsonEditor(toText, { formatted: prettierClean });
  const current = () => JSON.parse(editor.text) as Json;

  const removeAndPrune = (path: string[]) => {
    editor.remove(path);
    for (let depth = path.length - 1; depth > 0; depth--) {
      const parent = path.slice(0, depth);
      const left = valueAt(current(), parent.join('.'));
      const empty = left !== null && typeof left === 'object' && Object.keys(left).length === 0;
      if (!empty || valueAt(source, parent.join('.')) !== undefined) break;
      editor.remove(parent);
    }
  };

  for (const difference of plan.toPromote) {
    const { field, dataSource } = difference.path;
    if (dataSource === undefined) {
      const value = valueAt(source, field);
      if (value === undefined) removeAndPrune(field.split('.'));
      else editor.set(field.split('.'), value);
      continue;
    }
    const targetItems = rawDataSources(current());
    const sourceItems = rawDataSources(source);
    const sourceItem = sourceItems[indexOfLabel(sourceItems, dataSource)];
    const index = indexOfLabel(targetItems, dataSource);
    if (field === DATA_SOURCE_ITEM && difference.action === 'remove') {
      editor.remove([...DATA_SOURCES_PATH, index]);
    } else if (field === DATA_SOURCE_ITEM) {
      const item = Object.fromEntries(
        Object.entries(sourceItem).filter(([key]) => !PER_ENVIRONMENT_DATA_SOURCE_KEYS.includes(key)),
      );
      // Placed after the nearest data source that precedes it in the source and exists in the target.
      const before = sourceItems.slice(0, sourceItems.indexOf(sourceItem)).reverse();
      const anchor = before.map((i) => indexOfLabel(targetItems, rawLabel(i))).find((i) => i >= 0);
      editor.insert([...DATA_SOURCES_PATH, anchor === undefined ? 0 : anchor + 1], item);
    } else {
      const key = dataSourceKey(field);
      const value = sourceItem[key];
      if (value === undefined) editor.remove([...DATA_SOURCES_PATH, index, key]);
      else editor.set([...DATA_SOURCES_PATH, index, key], value);
    }
  }
  return prettierClean ? prettierFormat(toFile, editor.text, cwd) : editor.text;
}
