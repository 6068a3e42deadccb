import { isUtf8 } from 'node:buffer';

/** Where the first byte that is not valid UTF-8 sits, for a message a person can act on. */
export interface InvalidUtf8 {
  /** Zero-based byte offset of the first invalid byte. */
  readonly offset: number;
  /** One-based line and column (in characters) of that byte. */
  readonly line: number;
  readonly column: number;
  /** The offending bytes, in hex, e.g. `0xE9`. */
  readonly bytes: string;
}

export type DecodedText = { ok: true; text: string } | { ok: false; invalid: InvalidUtf8 };

const BOM = [0xef, 0xbb, 0xbf];

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function findInvalid(bytes: Uint8Array): InvalidUtf8 {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      const shown = Array.from(bytes.subarray(i, Math.min(i + 4, bytes.length)))
        .map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join(' ');
      return { offset: i, line, column, bytes: shown };
    }
    if (bytes[i] === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += length;
  }
  throw new Error('unreachable: findInvalid called on valid UTF-8');
}

/**
 * Decodes a file's bytes as UTF-8 without ever replacing bad bytes by U+FFFD (which would then
 * travel silently into the request email and the Campaign records). A byte order mark at the start,
 * which some Windows editors write, is removed.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (!isUtf8(bytes)) return { ok: false, invalid: findInvalid(bytes) };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { ok: true, text: BOM.every((b, i) => bytes[i] === b) ? text.slice(1) : text };
}
