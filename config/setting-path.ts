/**
 * How promotion names a setting: a field of the environment file (`receiver.prefix`), or a field
 * of one data source, which environments share by label rather than by position
 * (`campaign.dataSources["Globex CRM ID"].alias`). `campaign.dataSources[].alias` stands for that
 * field in every data source, and `campaign.dataSources["Globex CRM ID"]` for the data source itself.
 */
export interface SettingPath {
  /** The field as the field reference lists it, e.g. `receiver.prefix` or `campaign.dataSources[].alias`. */
  readonly field: string;
  /** The data source's label, for fields of one data source. */
  readonly dataSource?: string;
}

/** The array whose items are matched by label, and the path of one whole item. */
export const DATA_SOURCES = 'campaign.dataSources';
export const DATA_SOURCE_ITEM = `${DATA_SOURCES}[]`;

export function formatSettingPath(path: SettingPath): string {
  if (path.dataSource === undefined) return path.field;
  return `${DATA_SOURCES}[${JSON.stringify(path.dataSource)}]${path.field.slice(DATA_SOURCE_ITEM.length)}`;
}

const LABELLED = new RegExp(`^${DATA_SOURCES.replace('.', '\\.')}\\[("(?:[^"\\\\]|\\\\.)*")\\](.*)$`);

/** Reads a path written as `formatSettingPath` writes it; `undefined` when it is not well formed. */
export function parseSettingPath(text: string): SettingPath | undefined {
  const labelled = LABELLED.exec(text);
  if (labelled === null)
    return /^[$A-Za-z][\w$]*(\[\])?(\.[A-Za-z]\w*(\[\])?)*$/.test(text) ? { field: text } : undefined;
  let label: unknown;
  try {
    label = JSON.parse(labelled[1]);
  } catch {
    return undefined;
  }
  const rest = labelled[2];
  if (typeof label !== 'string' || label.trim() === '' || !/^(\.[A-Za-z]\w*)?$/.test(rest)) return undefined;
  return { field: `${DATA_SOURCE_ITEM}${rest}`, dataSource: label };
}
