import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMOTION_FILE } from '../../config/environment-files';
import { prettierFormat } from '../../promote/json-edit';
import { PROJECT_DIR } from './run';
import { tempDir } from './temp';

/**
 * A scratch project holding copies of the example environments, their intended-differences file
 * and the project's Prettier settings, as a checkout of this repository would.
 */
export function exampleProject(): string {
  const project = tempDir('campaign-aam-promote-');
  mkdirSync(join(project, 'environments'));
  for (const name of readdirSync(join(PROJECT_DIR, 'environments'))) {
    copyFileSync(join(PROJECT_DIR, 'environments', name), join(project, 'environments', name));
  }
  copyFileSync(join(PROJECT_DIR, '.prettierrc.json'), join(project, '.prettierrc.json'));
  return project;
}

export const environmentsOf = (project: string) => join(project, 'environments');

/** The scratch project's layout, as synth and the loader take it. */
export const layoutOf = (project: string) => ({
  projectDir: project,
  environmentsDir: environmentsOf(project),
  outputDirs: [join(project, 'cdktf.out'), join(project, 'cdktf.out.staging')],
});
const fileOf = (project: string, name: string) => join(project, 'environments', `${name}.json`);

export const readText = (project: string, name: string) => readFileSync(fileOf(project, name), 'utf8');
export const readJson = (project: string, name: string) => JSON.parse(readText(project, name));

/** Rewrites an environment file (or `_promotion` for the intended-differences file) the way a user would, Prettier-formatted. */
export function edit(project: string, name: string, change: (json: any) => void): void {
  const file = name === '_promotion' ? join(project, 'environments', PROMOTION_FILE) : fileOf(project, name);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  change(json);
  writeFileSync(file, prettierFormat(file, JSON.stringify(json, null, 2), project));
}

/** Replaces `search` (which must occur exactly once) in an environment file's text. */
export function replaceText(project: string, name: string, search: string, replacement: string): void {
  const text = readText(project, name);
  if (text.split(search).length !== 2) throw new Error(`expected exactly one ${JSON.stringify(search)} in ${name}`);
  writeFileSync(fileOf(project, name), text.replace(search, replacement));
}

/** Drops the intended differences declared for `path`, so promotion treats it as lag again. */
export const undeclare = (project: string, path: string) =>
  edit(project, '_promotion', (json) => {
    json.intendedDifferences = json.intendedDifferences.filter((e: { path: string }) => e.path !== path);
  });
