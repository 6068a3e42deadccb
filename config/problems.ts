import type { z } from 'zod';
import { closest } from './closest';

/** One thing wrong with one environment file, precise enough to fix without reading code. */
export interface ConfigProblem {
  /** The file, relative to where the command runs. */
  readonly file: string;
  /** Dotted path to the field, e.g. `campaign.dataSources[1].alias`; empty for the whole file. */
  readonly path: string;
  /** The offending value, if there was one. */
  readonly value?: unknown;
  /** Stable id of the rule that was broken, e.g. `s3-bucket-name-no-dots`. */
  readonly rule: string;
  /** What was expected and how to fix it. */
  readonly message: string;
}

/** Thrown when any environment file is invalid; carries every problem of every file. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

function formatValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `dev.json: receiver.bucketName = "My.Bucket": must not contain dots ... [rule: s3-bucket-name-no-dots]` */
export function formatProblem(p: ConfigProblem): string {
  const where = p.path === '' ? p.file : `${p.file}: ${p.path}`;
  const value = 'value' in p && p.value !== undefined ? ` = ${formatValue(p.value)}` : '';
  return `${where}${value}: ${p.message} [rule: ${p.rule}]`;
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const header = `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} environment file${files === 1 ? '' : 's'}; nothing was synthesized:`;
  return [header, ...problems.map((p) => `  - ${formatProblem(p)}`)].join('\n');
}

type AnySchema = z.core.$ZodType;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );
}

/** Unwraps defaults, optionals and pipes, and picks the variant of a discriminated union that `data` names. */
function resolve(schema: AnySchema, data: unknown): AnySchema {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'default':
    case 'optional':
    case 'nullable':
    case 'prefault':
      return resolve(def.innerType as AnySchema, data);
    case 'pipe':
      return resolve(def.in as AnySchema, data);
    case 'union': {
      const options = def.options as AnySchema[];
      const discriminator = def.discriminator as string | undefined;
      if (data === null || typeof data !== 'object') return schema;
      if (discriminator === undefined) {
        // A union like `true | { settings }`: the form of the value's own type.
        const type = Array.isArray(data) ? 'array' : 'object';
        const form = options.find((o) => (resolve(o, undefined)._zod.def as { type: string }).type === type);
        return form === undefined ? schema : resolve(form, data);
      }
      const wanted = (data as Record<string, unknown>)[discriminator];
      const match = options.find((o) => discriminatorValues(o, discriminator).includes(wanted));
      return match === undefined ? schema : resolve(match, data);
    }
    default:
      return schema;
  }
}

function discriminatorValues(option: AnySchema, discriminator: string): unknown[] {
  const shape = (option._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
  const field = shape?.[discriminator];
  if (field === undefined) return [];
  // An optional discriminator (`receiver.mode`) also matches a file that leaves it out.
  const literal = resolve(field, undefined);
  const values = [...((literal._zod.def as unknown as { values?: unknown[] }).values ?? [])];
  return literal === field ? values : [...values, undefined];
}

/** The schema found at `path` in `root`, following the file's own data through unions. */
function schemaAt(root: AnySchema, data: unknown, path: readonly PropertyKey[]): AnySchema | undefined {
  let schema: AnySchema | undefined = resolve(root, data);
  for (let i = 0; i < path.length && schema !== undefined; i++) {
    const def = schema._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    const child: AnySchema | undefined =
      def.type === 'object' ? def.shape?.[String(path[i])] : def.type === 'array' ? def.element : undefined;
    schema = child === undefined ? undefined : resolve(child, valueAt(data, path.slice(0, i + 1)));
  }
  return schema;
}

function keysOf(schema: AnySchema | undefined): string[] {
  const shape = (schema?._zod.def as unknown as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

/**
 * When the object at `path` is one variant of a discriminated union: the union's other variants,
 * named as the field reference names them (`mode: "stack-owned"`), with their keys, so a key of
 * another variant is reported as belonging there rather than as unknown.
 */
function otherVariants(
  root: AnySchema,
  data: unknown,
  path: readonly PropertyKey[],
): { discriminator: string; name: string; current: string; keys: string[] }[] {
  if (path.length === 0) return [];
  let union: AnySchema | undefined = schemaAt(root, data, path.slice(0, -1));
  const parentDef = union?._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> } | undefined;
  union = parentDef?.type === 'object' ? parentDef.shape?.[String(path[path.length - 1])] : undefined;
  while (union !== undefined) {
    const def = union._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'default' || def.type === 'optional' || def.type === 'prefault')
      union = def.innerType as AnySchema;
    else break;
  }
  const def = union?._zod.def as unknown as { type: string; discriminator?: string; options?: AnySchema[] } | undefined;
  if (def?.type !== 'union' || def.discriminator === undefined) return [];
  const discriminator = def.discriminator;
  const value = (valueAt(data, path) as Record<string, unknown> | undefined)?.[discriminator];
  const named = (option: AnySchema) =>
    `${discriminator}: ${JSON.stringify(discriminatorValues(option, discriminator).find((v) => v !== undefined))}`;
  const current = def.options!.find((o) => discriminatorValues(o, discriminator).includes(value));
  if (current === undefined) return [];
  return def
    .options!.filter((o) => o !== current)
    .map((o) => ({ discriminator, name: named(o), current: named(current), keys: keysOf(o) }));
}

const describeType = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/**
 * Turns zod issues into problems. Built-in checks get messages written for people and a rule id
 * named after the check; our own rules carry their id in `params.rule`.
 */
export function toProblems(
  file: string,
  root: AnySchema,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    const path = formatPath(issue.path);
    // A rule that recognized a secret in the wrong place asks for it not to be repeated.
    const redacted = issue.code === 'custom' && (issue.params as { redact?: boolean } | undefined)?.redact === true;
    const value = redacted
      ? undefined
      : 'input' in issue && issue.input !== undefined
        ? issue.input
        : valueAt(data, issue.path);
    const at = (rule: string, message: string, v: unknown = value): ConfigProblem => ({
      file,
      path,
      value: v,
      rule,
      message,
    });

    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysOf(schemaAt(root, data, issue.path));
        const variants = otherVariants(root, data, issue.path);
        return issue.keys.map((key) => {
          const home = variants.find((v) => v.keys.includes(key));
          if (home !== undefined) {
            return {
              file,
              path: formatPath([...issue.path, key]),
              // e.g. `receiver-mode-fields`: the union's field and its discriminator.
              rule: `${String(issue.path[issue.path.length - 1])}-${home.discriminator}-fields`,
              message: `belongs to \`${home.name}\`, not to \`${home.current}\`; remove it (valid keys here: ${known.map((k) => `\`${k}\``).join(', ')})`,
            };
          }
          const suggestion = closest(key, known);
          return {
            file,
            path: formatPath([...issue.path, key]),
            rule: 'known-keys',
            message:
              `is not a known setting${suggestion === undefined ? '.' : `; did you mean \`${suggestion}\`?`}` +
              (known.length > 0 ? ` Valid keys here: ${known.map((k) => `\`${k}\``).join(', ')}.` : ''),
          };
        });
      }
      case 'invalid_type':
        return value === undefined
          ? [at('required', `is required (${issue.expected})`)]
          : [
              at(
                'type',
                `must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}, not ${describeType(value)}`,
              ),
            ];
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        if (value === undefined) return [at('required', `is required; one of ${allowed}`)];
        const suggestion = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
        return [
          at(
            'allowed-values',
            `must be one of ${allowed}${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`,
          ),
        ];
      }
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        if (discriminator !== undefined) {
          const union = schemaAt(root, data, issue.path.slice(0, -1));
          const options = (union?._zod.def as unknown as { options?: AnySchema[] } | undefined)?.options ?? [];
          const allowed = options
            .flatMap((o) => discriminatorValues(o, discriminator))
            .filter((v) => v !== undefined)
            .map((v) => JSON.stringify(v))
            .join(', ');
          const found = valueAt(data, issue.path);
          return [
            at(
              found === undefined ? 'required' : 'allowed-values',
              `\`${discriminator}\` must be one of ${allowed}`,
              found,
            ),
          ];
        }
        // When the value has the type of exactly one form, that form's own problems say most.
        const matchingForms = issue.errors.filter(
          (errors) => !errors.every((e) => e.code === 'invalid_type' && e.path.length === 0),
        );
        if (matchingForms.length === 1) {
          const inner = matchingForms[0].map((e) => ({ ...e, path: [...issue.path, ...e.path] }));
          return toProblems(file, root, data, inner as z.core.$ZodIssue[]);
        }
        return [
          at('one-of', issue.message === 'Invalid input' ? 'does not match any of the allowed forms' : issue.message),
        ];
      }
      case 'too_small':
        return [at('minimum', describeBound(issue.origin, 'at least', Number(issue.minimum)))];
      case 'too_big':
        return [at('maximum', describeBound(issue.origin, 'at most', Number(issue.maximum)))];
      case 'invalid_key': {
        // A record key broke a rule: report the key's own issues at the key's path.
        const key = issue.path[issue.path.length - 1];
        return toProblems(
          file,
          root,
          data,
          issue.issues.map((inner) => ({ ...inner, path: issue.path, input: key })) as z.core.$ZodIssue[],
        );
      }
      case 'custom':
        return [at(String((issue.params as { rule?: string } | undefined)?.rule ?? 'custom'), issue.message)];
      default:
        return [at(issue.code, issue.message)];
    }
  });
}

function describeBound(origin: string, bound: string, n: number): string {
  switch (origin) {
    case 'array':
      return `must have ${bound} ${n} item${n === 1 ? '' : 's'}`;
    case 'string':
      return n === 1 && bound === 'at least' ? 'must not be empty' : `must be ${bound} ${n} characters long`;
    default:
      return `must be ${bound} ${n}`;
  }
}
