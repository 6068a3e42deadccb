import { createHash } from 'node:crypto';
import { Hidden, type AttributeChange, type Value } from './model';

/**
 * Attributes that hold a secret whatever Terraform's sensitivity markers say: the access key's
 * secret (and the SMTP password derived from it), its PGP-encrypted form, and the credentials a
 * provider or backend block may carry. Masked in every mode, in Markdown and in JSON.
 */
export const SECRET_ATTRIBUTES: ReadonlySet<string> = new Set([
  'secret',
  'ses_smtp_password_v4',
  'encrypted_secret',
  'encrypted_ses_smtp_password_v4',
  'password',
  'encrypted_password',
  'secret_key',
  'secret_string',
  'secret_binary',
  'private_key',
  'token',
  'session_token',
  // A Campaign record would name it so; constructs never record it, and this keeps it that way.
  'secretAccessKey',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Hidden);

const child = (marker: unknown, key: string | number): unknown =>
  marker !== null && typeof marker === 'object' ? (marker as Record<string | number, unknown>)[key] : undefined;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * `value` with every secret masked and every unknown part marked: `sensitive` and `unknown` follow
 * the shape of Terraform's `before_sensitive`/`after_sensitive` and `after_unknown` (`true` marks a
 * leaf or a whole subtree), and attributes named in `SECRET_ATTRIBUTES` are masked wherever they are.
 */
export function masked(value: unknown, markers: { sensitive?: unknown; unknown?: unknown } = {}, key?: string): Value {
  const { sensitive, unknown } = markers;
  if (unknown === true) return Hidden.unknown;
  const present = value !== null && value !== undefined;
  if (present && (sensitive === true || (key !== undefined && SECRET_ATTRIBUTES.has(key)))) {
    return Hidden.sensitive(digest(value));
  }
  if (Array.isArray(value) || (!present && Array.isArray(unknown))) {
    const items = (value ?? []) as unknown[];
    const length = Math.max(items.length, Array.isArray(unknown) ? unknown.length : 0);
    return Array.from({ length }, (_, i) =>
      masked(items[i], { sensitive: child(sensitive, i), unknown: child(unknown, i) }),
    );
  }
  if (isRecord(value) || (!present && isRecord(unknown))) {
    const object = (value ?? {}) as Record<string, unknown>;
    // Unknown attributes may be missing from `after` and only named in `after_unknown`.
    const keys = new Set([...Object.keys(object), ...(isRecord(unknown) ? Object.keys(unknown) : [])]);
    return Object.fromEntries(
      [...keys].map((k) => [k, masked(object[k], { sensitive: child(sensitive, k), unknown: child(unknown, k) }, k)]),
    );
  }
  return (value ?? null) as Json;
}

/** Absent, null, `[]` and `{}` all mean "not set" to a reviewer. */
const unset = (v: Value | undefined) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);

/** Same value, masked parts compared by what they hide (without revealing it); unset values are equal. */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (unset(a) && unset(b)) return true;
  if (a instanceof Hidden || b instanceof Hidden) return a instanceof Hidden && b instanceof Hidden && a.sameAs(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k] as Value | undefined, b[k] as Value | undefined));
  }
  return a === b;
}

/** A string holding a JSON document (an IAM or bucket policy), parsed so it can be compared statement by statement. */
function embeddedDocument(value: Value | undefined): Value | undefined {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return undefined;
  try {
    return masked(JSON.parse(value));
  } catch {
    return undefined;
  }
}

const isScalar = (v: Value | undefined) => !Array.isArray(v) && !isRecord(v);

/** List items named by a unique `Sid`, `id` or `name`, so an insertion does not shift every later item. */
function itemKeys(items: readonly Value[]): string[] | undefined {
  for (const field of ['Sid', 'id', 'name']) {
    const keys = items.map((item) =>
      isRecord(item) && typeof item[field] === 'string' ? (item[field] as string) : '',
    );
    if (keys.every((k) => k !== '') && new Set(keys).size === keys.length) return keys;
  }
  return undefined;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function listChanges(before: Value[], after: Value[], path: string): AttributeChange[] {
  const beforeKeys = itemKeys(before);
  const afterKeys = itemKeys(after);
  if (beforeKeys !== undefined && afterKeys !== undefined) {
    const order = [...afterKeys, ...beforeKeys.filter((k) => !afterKeys.includes(k))];
    return order.flatMap((k) =>
      diffValues(before[beforeKeys.indexOf(k)], after[afterKeys.indexOf(k)], `${path}[${k}]`),
    );
  }
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) =>
    diffValues(before[i], after[i], `${path}[${i}]`),
  ).flat();
}

/**
 * The leaves that differ between two values, with paths a reviewer can read. Lists of scalars
 * (DNS records, a statement's actions) change as a whole; lists of objects item by item; JSON
 * documents held in strings (policies) are compared as documents. Leaves on one side only (a
 * created or destroyed resource) are listed with `undefined` on the other.
 */
export function diffValues(before: Value | undefined, after: Value | undefined, path = ''): AttributeChange[] {
  if (sameValue(before, after)) return [];
  const change = (): AttributeChange[] => [{ path, before, after, forcesReplacement: false }];
  const beforeDocument = embeddedDocument(before);
  const afterDocument = embeddedDocument(after);
  if (
    (beforeDocument !== undefined || before === undefined) &&
    (afterDocument !== undefined || after === undefined) &&
    (beforeDocument ?? afterDocument) !== undefined
  ) {
    return diffValues(beforeDocument, afterDocument, path);
  }
  const absentOrNull = (v: Value | undefined) => v === undefined || v === null;
  if (
    (isRecord(before) || absentOrNull(before)) &&
    (isRecord(after) || absentOrNull(after)) &&
    (isRecord(before) || isRecord(after))
  ) {
    const b = (isRecord(before) ? before : {}) as Record<string, Value>;
    const a = (isRecord(after) ? after : {}) as Record<string, Value>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.flatMap((k) => diffValues(b[k], a[k], join(path, k)));
  }
  if ((Array.isArray(before) || absentOrNull(before)) && (Array.isArray(after) || absentOrNull(after))) {
    const b = (Array.isArray(before) ? before : []) as Value[];
    const a = (Array.isArray(after) ? after : []) as Value[];
    if (b.every(isScalar) && a.every(isScalar)) return change();
    return listChanges(b, a, path);
  }
  return change();
}
