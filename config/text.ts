import { z } from 'zod';
import { rule } from './rule';

/**
 * Free text travels into the request email, Markdown documents and Terraform (`terraform_data`
 * inputs), so it is normalized the same way everywhere and rejected where it would render or
 * deploy differently than it reads in the file.
 */

/** The first C0 or C1 control character other than tab and the line breaks (which are reported as such). */
const firstControl = (text: string) =>
  [...text].find((c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && ![0x09, 0x0a, 0x0d].includes(code)) || (code >= 0x7f && code <= 0x9f && code !== 0x85);
  });
/** Characters that are invisible or reorder text, so a reviewer would read something else (e.g. U+202E). */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** Terraform reads `${...}` and `%{...}` inside any string as an expression or directive. */
const TEMPLATE = /[$%]\{/;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
const LINE_BREAKS = /\r\n?|[\n\u0085\u2028\u2029]/g;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The rules every free-text value obeys (after normalization). */
export function textRules<T extends z.ZodType<string>>(schema: T): T {
  return schema
    .superRefine(
      rule(
        'no-control-characters',
        (v: string) => firstControl(v) === undefined,
        (v: string) =>
          `contains the control character ${codePoint(firstControl(v)!)}, which mail clients and Campaign would not show; remove it`,
      ),
    )
    .superRefine(
      rule(
        'no-invisible-characters',
        (v: string) => !INVISIBLE.test(v),
        (v: string) =>
          `contains the invisible or direction-changing character ${codePoint(INVISIBLE.exec(v)![0])}, so the text would read differently in review than in Adobe's and Campaign's screens; remove it`,
      ),
    )
    .superRefine(
      rule(
        'no-terraform-template',
        (v: string) => !TEMPLATE.test(v),
        'must not contain `${` or `%{`: Terraform would read it as an expression and record something else than the file says',
      ),
    ) as unknown as T;
}

/**
 * A single line of text (it ends up in email headers and Markdown tables, where a line break breaks
 * the document). Normalized: Unicode NFC (so `é` typed as e + accent equals `é`), surrounding
 * whitespace removed.
 */
export const singleLine = (max = 200) =>
  textRules(
    z
      .string()
      .normalize('NFC')
      .trim()
      .min(1)
      .max(max)
      .superRefine(
        rule('single-line', (v: string) => !LINE_BREAK.test(v), 'must be a single line of text (no line breaks)'),
      ),
  );

/** Text that may span lines. Normalized: NFC, every kind of line break (CRLF, CR, U+2028...) becomes LF, surrounding whitespace removed. */
export const multiLineText = (max: number) =>
  textRules(
    z
      .string()
      .normalize('NFC')
      .overwrite((v) => v.replace(LINE_BREAKS, '\n'))
      .trim()
      .max(max),
  );

/** What every text value's description says about normalization, once. */
export const TEXT_NORMALIZATION =
  'Unicode NFC and trimmed; control, invisible and direction-changing characters and `${`/`%{` are rejected.';
