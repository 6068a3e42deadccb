import { applyEdits, type FormattingOptions, type JSONPath, modify } from 'jsonc-parser';
import { runCommandSync } from '../runtime/processes';

/**
 * Format-preserving edits of a JSON file: each edit touches only the value it changes, so key
 * order, one-line objects, indentation and the trailing newline stay as they were.
 *
 * Layout of new content: when the file was formatted by the project's Prettier before the edit,
 * Prettier lays out the result too (it stays lint-clean, and untouched lines stay as they were,
 * since they already are in Prettier's form); otherwise jsonc-parser formats just the edited
 * ranges in the file's own indentation.
 */
export interface JsonEditor {
  readonly text: string;
  set(path: JSONPath, value: unknown): void;
  remove(path: JSONPath): void;
  insert(path: JSONPath, value: unknown): void;
}

/** The indentation and line ending the file already uses. */
export function detectFormatting(text: string): FormattingOptions {
  const indented = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indented.startsWith('\t'),
    tabSize: indented.startsWith('\t') ? 1 : indented.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

export function jsonEditor(original: string, options: { formatted: boolean }): JsonEditor {
  // Prettier re-lays out the result, so the edits themselves stay raw (inline) in that case.
  const formattingOptions = options.formatted ? undefined : detectFormatting(original);
  let text = original;
  const apply = (path: JSONPath, value: unknown, isArrayInsertion = false) => {
    text = applyEdits(text, modify(text, path, value, { formattingOptions, isArrayInsertion }));
  };
  return {
    get text() {
      return text;
    },
    set: (path, value) => apply(path, value),
    remove: (path) => apply(path, undefined),
    insert: (path, value) => apply(path, value, true),
  };
}

/**
 * `text` laid out by the project's Prettier as it would format `file` (its configuration and
 * ignore file apply). Prettier runs in its own process: its Node API loads itself through dynamic
 * `import()`, which test runners without ES module support cannot follow.
 */
export function prettierFormat(file: string, text: string, cwd: string): string {
  const formatted = runCommandSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--stdin-filepath', file],
    { input: text, cwd },
  );
  if (formatted.status !== 0) {
    throw new Error(`prettier could not format ${file}: ${formatted.error?.message ?? formatted.stderr.trim()}`);
  }
  return formatted.stdout;
}
