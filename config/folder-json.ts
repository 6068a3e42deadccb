import { parseBoundedJson } from '../runtime/bounded-json';
import { MAX_ENVIRONMENT_FILE_BYTES } from './environment-files';
import type { ConfigProblem } from './problems';

/**
 * Environment files are small and shallow (the schema nests five levels); the limits keep a
 * hostile file from costing more than a real one, and from overflowing any recursive step after
 * the parse (validation, messages).
 */
const ENVIRONMENT_JSON_LIMITS = {
  maxBytes: MAX_ENVIRONMENT_FILE_BYTES,
  maxDepth: 32,
  excerpt: true,
  duplicateKeys: true,
} as const;

const JSON_RULES = {
  'too-large': 'environment-file-size',
  'too-deep': 'json-depth',
  syntax: 'json-syntax',
  'duplicate-key': 'json-duplicate-key',
} as const;

/** The JSON of a file of the environments folder (an environment, the promotion file), within the limits above. */
export function parseFolderJson(
  file: string,
  text: string,
): { ok: true; value: unknown } | { ok: false; problems: ConfigProblem[] } {
  const json = parseBoundedJson(text, ENVIRONMENT_JSON_LIMITS);
  if (json.ok) return json;
  return {
    ok: false,
    problems: [{ file, path: '', rule: JSON_RULES[json.problem.kind], message: json.problem.message }],
  };
}
