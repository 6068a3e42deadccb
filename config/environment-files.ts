import type { Dirent } from 'node:fs';
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
 * Sorts the entries of the environments folder: environment files to load, and a problem for
 * anything else, so that a misnamed or misplaced file never drops an environment without a word.
 * Skipped deliberately: the promotion file and hidden entries (`.gitkeep`, `.DS_Store`, editor
 * swap files).
 */
export function environmentFiles(
  directory: string,
  entries: readonly Dirent[],
  projectDir: string,
): { files: string[]; problems: ConfigProblem[] } {
  const files: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.name === PROMOTION_FILE || entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      problems.push({
        file: relative(projectDir, path),
        path: '',
        rule: 'environments-no-subfolders',
        message:
          'is a folder; environment files are read only directly from the environments folder, so files in it would be left out: move them up, or move the folder out',
      });
    } else if (isEnvironmentFileName(entry.name)) {
      files.push(path);
    } else {
      problems.push(fileNameProblem(relative(projectDir, path)));
    }
  }
  return { files, problems };
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
