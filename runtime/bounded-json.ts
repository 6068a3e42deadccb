import { type ParseError, parse as parseTolerant, printParseErrorCode, visit } from 'jsonc-parser';

/**
 * JSON from files a person or a pull request controls (environment files, saved plans), read with
 * bounded work: a size and a nesting limit checked before parsing, so no input ends in a stack
 * overflow, and syntax errors located by line and column without quoting the text (it may hold a
 * secret) unless the caller asks for an excerpt of the file's own line.
 */
export interface JsonLimits {
  /** Largest accepted text, in bytes. */
  readonly maxBytes: number;
  /** Deepest accepted nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Quote a short excerpt of the offending line (for files whose text is the user's own). */
  readonly excerpt?: boolean;
  /** Report a key that appears twice in one object (JSON.parse silently keeps the last). */
  readonly duplicateKeys?: boolean;
}

export type JsonProblemKind = 'too-large' | 'too-deep' | 'syntax' | 'duplicate-key';

export interface JsonProblem {
  readonly kind: JsonProblemKind;
  /** What is wrong, as a sentence fragment after the file's name ("is not valid JSON at line 3 ..."). */
  readonly message: string;
}

export type BoundedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: JsonProblem };

const mib = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;

/** One-based line and column (in characters) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset where nesting first goes deeper than `maxDepth`, counting brackets outside strings. */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

const REASONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace `}` was expected',
  CloseBracketExpected: 'a closing bracket `]` was expected',
  EndOfFileExpected: 'the end of the file was expected (text after the JSON value)',
  InvalidCommentToken: 'JSON allows no comments',
  UnexpectedEndOfComment: 'JSON allows no comments',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'a control character inside a string (write it as an escape, e.g. \\n)',
};

/** Control, invisible and line-breaking characters, shown as `\\u` escapes in an excerpt. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** At most 40 characters of the line around `column`, with anything unprintable escaped. */
function excerptOf(text: string, offset: number, column: number): string {
  const lineStart = offset - (column - 1);
  const lineEnd = text.indexOf('\n', offset);
  const lineText = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const from = Math.max(0, column - 1 - 20);
  const shown = lineText
    .slice(from, from + 40)
    .replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/`/g, "'");
  return `${from > 0 ? '…' : ''}${shown}${from + 40 < lineText.length ? '…' : ''}`;
}

function located(text: string, offset: number, limits: JsonLimits): string {
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}${limits.excerpt === true ? ` (near \`${excerptOf(text, offset, column)}\`)` : ''}`;
}

function syntaxProblem(text: string, limits: JsonLimits): JsonProblem {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return { kind: 'syntax', message: 'is not valid JSON' };
  const reason =
    text.trim() === '' ? 'the file is empty' : (REASONS[printParseErrorCode(first.error)] ?? 'invalid syntax');
  return { kind: 'syntax', message: `is not valid JSON at ${located(text, first.offset, limits)}: ${reason}` };
}

function duplicateKeyProblem(text: string, limits: JsonLimits): JsonProblem | undefined {
  const keys: Set<string>[] = [];
  let found: JsonProblem | undefined;
  visit(text, {
    onObjectBegin: () => void keys.push(new Set()),
    onObjectEnd: () => void keys.pop(),
    onObjectProperty: (name, offset) => {
      const seen = keys[keys.length - 1];
      if (found !== undefined || seen === undefined) return;
      if (seen.has(name)) {
        found = {
          kind: 'duplicate-key',
          message: `has the key ${JSON.stringify(name)} twice in one object (at ${located(text, offset, limits)}); JSON readers keep only the last, so the file would not mean what its first one says: remove one`,
        };
      }
      seen.add(name);
    },
  });
  return found;
}

/** Parses `text` within `limits`, or says precisely why not. Never throws for bad input. */
export function parseBoundedJson(text: string, limits: JsonLimits): BoundedJson {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    return {
      ok: false,
      problem: {
        kind: 'too-large',
        message: `is ${mib(bytes)}, more than the ${mib(limits.maxBytes)} (${limits.maxBytes.toLocaleString('en')} bytes) allowed`,
      },
    };
  }
  const deep = tooDeepAt(text, limits.maxDepth);
  if (deep !== undefined) {
    return {
      ok: false,
      problem: {
        kind: 'too-deep',
        message: `nests arrays and objects more than ${limits.maxDepth} levels deep (at ${located(text, deep, { ...limits, excerpt: false })}), more than any valid file does`,
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: syntaxProblem(text, limits) };
  }
  if (limits.duplicateKeys === true) {
    const duplicate = duplicateKeyProblem(text, limits);
    if (duplicate !== undefined) return { ok: false, problem: duplicate };
  }
  return { ok: true, value };
}
