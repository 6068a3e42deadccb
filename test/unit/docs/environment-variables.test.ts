import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGit } from '../../../runtime/git';
import { variableNames } from '../../../runtime/environment-variables';
import { PROJECT_DIR } from '../../support/run';

const PAGE = join(PROJECT_DIR, 'docs', 'environment-variables.md');

/** The variables named in the first column of the page's first table ("Read by the project's commands and app"). */
function documentedAsRead(): string[] {
  const section = readFileSync(PAGE, 'utf8').split(/^## /m)[1];
  expect(section.startsWith("Read by the project's commands and app")).toBe(true);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
}

/** The project's own source files (tests aside), as git lists them. */
const sources = () =>
  runGit(PROJECT_DIR, ['ls-files', '--', '*.ts', '*.mjs'])
    .stdout.split('\n')
    .filter((path) => path !== '' && !path.startsWith('test/'));

describe('the environment variables', () => {
  it('are the ones docs/environment-variables.md lists as read, no more and no fewer', () => {
    expect(documentedAsRead().sort()).toEqual(variableNames().sort());
  });

  it('are read through runtime/environment-variables.ts, never by a name spelled in place', () => {
    const spelled = sources()
      .filter((path) => path !== 'runtime/environment-variables.ts')
      .flatMap((path) =>
        readFileSync(join(PROJECT_DIR, path), 'utf8')
          .split('\n')
          .map((line, index) => ({ where: `${path}:${index + 1}`, line }))
          .filter(({ line }) => /\benv(\.|\[')[A-Z][A-Z0-9_]+\b/.test(line)),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(spelled).toEqual([]);
  });
});
