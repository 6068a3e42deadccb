import { lstatSync, type Stats } from 'node:fs';
import { kindOf, readRegularFile } from '../runtime/regular-file';
import { basename, join, relative } from 'node:path';
import type { ConfigProblem } from './problems';
import { closest } from './closest';

/**
 * The reviewed file of intended differences between environments (`npm run promote` reads it). It
 * lives beside the environment files but is not one, so the loader skips exactly this name.
 */
export const PROMOTION_FILE = '_promotion.json';

/** `<name>.json`, the name lowercase letters, digits and hyphens: it becomes the stack name and part of AWS names. */
const ENVIRONMENT_FILE = /^[a-z][a-z0-9-]{0,30}\.json$/;

export const isEnvironmentFileName = (fileName: string) => ENVIRONMENT_FILE.test(fileName);

/** The environment (stack) name of an environment file: `environments/production.json` → `production`. */
export const environmentName = (file: string) => basename(file).replace(/\.json$/, '');

/** The file name a misnamed file most likely meant: `Prod Env.JSON` → `prod-env.json`. */
export function suggestedFileName(fileName: string): string {
  const stem = fileName
    .replace(/(\.[A-Za-z0-9]{1,5})+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 31);
  return `${stem === '' ? 'name' : stem}.json`;
}

export function fileNameProblem(file: string): ConfigProblem {
  const name = basename(file);
  return {
    file,
    path: '',
    value: name,
    rule: 'environment-file-name',
    message: `every file here must be an environment named \`<name>.json\` (1-31 lowercase letters, digits and hyphens, starting with a letter; the name becomes the stack name), so this file would be left out: rename it, e.g. to \`${suggestedFileName(name)}\`, or move it out of the environments folder`,
  };
}

/**
 * Entries of the environments folder that are skipped without a word, because tools put them there:
 * git's placeholders, macOS's folder metadata, and editors' swap and lock files. Every other entry
 * is read as an environment file or reported.
 */
const TOOL_FILES = [/^\.gitkeep$/, /^\.gitignore$/, /^\.DS_Store$/, /^\..*\.sw[a-p]$/, /^\.#/];

/** The largest environment file read: real ones are a few KB (a PGP key adds a few more). */
export const MAX_ENVIRONMENT_FILE_BYTES = 1024 * 1024;

/** Only regular files are read from the environments folder: a link could point anywhere, a FIFO could block. */
export function notRegularFileProblem(file: string, kind: string): ConfigProblem {
  return {
    file,
    path: '',
    rule: 'environment-regular-file',
    message: `is ${kind}; only regular files inside the environments folder are read (a link can point outside the project, a pipe or device can block or never end), so it was not opened: put the file itself here, or move it out`,
  };
}

export function tooLargeProblem(file: string, size: number): ConfigProblem {
  return {
    file,
    path: '',
    rule: 'environment-file-size',
    message: `is ${size.toLocaleString('en')} bytes; an environment file may be at most ${MAX_ENVIRONMENT_FILE_BYTES.toLocaleString('en')} bytes (1 MiB), far more than any real one needs, so it was not read`,
  };
}

/**
 * Sorts the entries of the environments folder: environment files to load, and a problem for
 * anything else, so that a misnamed, misplaced or unusual entry never drops an environment without
 * a word. Nothing is opened here (a FIFO would block); links are not followed. Skipped
 * deliberately: the promotion file and the tool files above.
 */
export function environmentFiles(
  directory: string,
  names: readonly string[],
  projectDir: string,
): { files: string[]; problems: ConfigProblem[] } {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const name of [...names].sort((a, b) => a.localeCompare(b))) {
    const path = join(directory, name);
    const file = relative(projectDir, path);
    if (TOOL_FILES.some((pattern) => pattern.test(name))) continue;
    let stat: Stats;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // removed since the listing
    }
    if (stat.isDirectory()) {
      problems.push({
        file,
        path: '',
        rule: 'environments-no-subfolders',
        message:
          'is a folder; environment files are read only directly from the environments folder, so files in it would be left out: move them up, or move the folder out',
      });
    } else if (!stat.isFile()) {
      problems.push(notRegularFileProblem(file, kindOf(stat)));
    } else if (name === PROMOTION_FILE) {
      continue; // read by promote, with the same care (readEnvironmentFolderFile)
    } else if (isEnvironmentFileName(name)) {
      files.push(path);
    } else {
      problems.push(fileNameProblem(file));
    }
  }
  return { files, problems };
}

/**
 * Reads a file of the environments folder as a person would see it in an editor: a regular file,
 * not through a link (checked again on the open file, so a swap after the listing changes nothing),
 * without blocking, and at most `MAX_ENVIRONMENT_FILE_BYTES`.
 */
export function readEnvironmentFolderFile(
  path: string,
  file: string,
): { ok: true; bytes: Buffer } | { ok: false; problem: ConfigProblem } {
  const read = readRegularFile(path, { maxBytes: MAX_ENVIRONMENT_FILE_BYTES });
  if (read.ok) return read;
  const problem = (message: string): ConfigProblem => ({ file, path: '', rule: 'environment-readable', message });
  switch (read.reason) {
    case 'not-regular':
      return { ok: false, problem: notRegularFileProblem(file, read.kind) };
    case 'too-large':
      return { ok: false, problem: tooLargeProblem(file, read.size) };
    case 'changed':
      return { ok: false, problem: problem('changed while it was read; run the command again') };
    case 'unreadable':
      return { ok: false, problem: problem(`cannot be read (${read.code})`) };
  }
}

/**
 * What every command says when it is given a name no environment file has: the likely intended
 * name, then the known ones. Callers may add where the name came from.
 */
export function unknownEnvironment(names: string | readonly string[], known: readonly string[]): string {
  const hints = (typeof names === 'string' ? [names] : names).map((name) => {
    const guess = closest(name, known);
    return `"${name}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`;
  });
  return `no environment named ${hints.join(', ')}; known: ${known.join(', ')}`;
}
