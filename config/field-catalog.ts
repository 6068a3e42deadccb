import { z } from 'zod';
import type { FieldMeta, FieldScope } from './field';
import { environmentShape } from './schema';

/** One settable field of the environment file, as the field reference (docs/environment-files.md) lists it. */
export interface FieldInfo {
  /** Dotted path; `[]` stands for any array item, e.g. `campaign.dataSources[].alias`. */
  readonly path: string;
  /** The union variant it belongs to, e.g. `type: "declared-id"`; undefined when it is in all of them. */
  readonly variant?: string;
  readonly description?: string;
  readonly scope?: FieldScope;
  readonly required: boolean;
  /** The default, when the field has one. */
  readonly default?: unknown;
  /** For enums and discriminators: the allowed values. */
  readonly values?: readonly unknown[];
}

type AnySchema = z.core.$ZodType;
type Def = { type: string } & Record<string, unknown>;

const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;
const metaOf = (schema: AnySchema) => z.globalRegistry.get(schema) as Partial<FieldMeta> | undefined;

interface Unwrapped {
  readonly schema: AnySchema;
  readonly meta: Partial<FieldMeta>;
  readonly optional: boolean;
  readonly default?: unknown;
}

/** Peels defaults, optionals and pipes off a schema, collecting metadata (the outermost wins). */
function unwrap(schema: AnySchema): Unwrapped {
  let current = schema;
  let meta: Partial<FieldMeta> = {};
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    meta = { ...metaOf(current), ...meta };
    const def = defOf(current);
    if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      defaultValue ??= def.defaultValue;
      current = def.innerType as AnySchema;
    } else if (def.type === 'optional' || def.type === 'nullable') {
      optional = true;
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      current = def.in as AnySchema;
    } else {
      return { schema: current, meta, optional, default: defaultValue };
    }
  }
}

const literalValues = (schema: AnySchema): unknown[] => {
  const def = defOf(unwrap(schema).schema);
  if (def.type === 'literal') return [...(def.values as unknown[])];
  if (def.type === 'enum') return Object.values(def.entries as Record<string, unknown>);
  return [];
};

/** While walking: the union a field varies in, and how many variants that union has. */
interface Walked extends FieldInfo {
  readonly union?: { readonly path: string; readonly variants: number };
}

function walk(
  schema: AnySchema,
  path: string,
  variant: (Walked['union'] & { name: string }) | undefined,
  fields: Walked[],
): void {
  const { schema: inner, meta, optional, default: defaultValue } = unwrap(schema);
  const def = defOf(inner);
  const leaf = (values?: unknown[]) =>
    fields.push({
      path,
      variant: variant?.name,
      union: variant,
      description: meta.description,
      scope: meta.scope,
      required: !optional,
      default: defaultValue,
      values: values === undefined || values.length === 0 ? undefined : values,
    });

  if (def.type === 'object') {
    // An optional object whose presence is itself a setting (e.g. access logs) is a field too.
    if (meta.scope !== undefined) leaf();
    for (const [key, child] of Object.entries(def.shape as Record<string, AnySchema>)) {
      walk(child, path === '' ? key : `${path}.${key}`, variant, fields);
    }
  } else if (def.type === 'array') {
    // Arrays of objects are walked into (`records[].hostname`); arrays of values are one field.
    const element = def.element as AnySchema;
    const structured = ['object', 'union'].includes(defOf(unwrap(element).schema).type);
    if (structured) walk(element, `${path}[]`, variant, fields);
    else leaf();
  } else if (def.type === 'union' && typeof def.discriminator === 'string') {
    const discriminator = def.discriminator;
    const options = def.options as AnySchema[];
    // The discriminator itself is one field, described by the union's metadata.
    fields.push({
      path: `${path}.${discriminator}`,
      variant: variant?.name,
      union: variant,
      description: meta.description,
      scope: meta.scope,
      required: !optional,
      default: (defaultValue as Record<string, unknown> | undefined)?.[discriminator],
      values: options.flatMap((o) => literalValues((defOf(o).shape as Record<string, AnySchema>)[discriminator])),
    });
    for (const option of options) {
      const shape = defOf(option).shape as Record<string, AnySchema>;
      const name = `${discriminator}: ${JSON.stringify(literalValues(shape[discriminator])[0])}`;
      for (const [key, child] of Object.entries(shape)) {
        if (key !== discriminator) walk(child, `${path}.${key}`, { name, path, variants: options.length }, fields);
      }
    }
  } else {
    leaf(literalValues(inner));
  }
}

/** Fields that appear identically in every variant of a union are listed once, without a variant. */
function mergeVariants(fields: Walked[]): FieldInfo[] {
  const key = (f: Walked) =>
    JSON.stringify([f.union?.path, f.path, f.description, f.scope, f.required, f.default, f.values ?? null]);
  const count = new Map<string, number>();
  for (const f of fields) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
  const seen = new Set<string>();
  return fields.flatMap(({ union, ...field }) => {
    const k = key({ ...field, union });
    if (union === undefined || count.get(k)! < union.variants) return [field];
    if (seen.has(k)) return [];
    seen.add(k);
    return [{ ...field, variant: undefined }];
  });
}

/** Every field of the environment file, in the schema's order. */
export function fieldCatalog(schema: AnySchema = environmentShape): FieldInfo[] {
  const fields: Walked[] = [];
  walk(schema, '', undefined, fields);
  return mergeVariants(fields);
}
