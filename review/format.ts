import { Hidden, type Value } from './model';

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

/** Text that Markdown shows as written (no emphasis, links, HTML or table breaks). */
export function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A value as data: JSON, with masked and unknown values named. */
export function valueText(value: Value | undefined): string {
  if (value === undefined) return '(none)';
  if (value instanceof Hidden) return value.toJSON();
  return JSON.stringify(value);
}

/** A value inside Markdown prose: strings as inline code, masked and unknown values in words. */
export function shown(value: Value | undefined): string {
  if (value === undefined || value === null) return '(none)';
  if (value instanceof Hidden) return `_${value.toJSON()}_`;
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

/** `before → after` for prose. */
export const arrow = (before: Value | undefined, after: Value | undefined) => `${shown(before)} → ${shown(after)}`;

/** `3 resources`, `1 resource`. */
export const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;

/**
 * A short name for a cdktf resource address, for prose: `aws_iam_access_key.integration_access-key_key-blue_3BF65A66`
 * → `access-key/key-blue` (cdktf joins the construct path with `_` and adds a hash).
 */
export function resourceLabel(address: string): string {
  const name = address.split('.').slice(-1)[0];
  const parts = name.replace(/_[0-9A-F]{8}$/, '').split('_');
  return (parts[0] === 'integration' ? parts.slice(1) : parts).join('/');
}
