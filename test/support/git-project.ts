import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, run } from './run';
import { copyProjectSources } from '../../bench/project-copy';
import { tempDir } from './temp';

/** Fixed identity and dates: the same fixture always gets the same commits. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Review Test',
  GIT_AUTHOR_EMAIL: 'review@initech.example',
  GIT_COMMITTER_NAME: 'Review Test',
  GIT_COMMITTER_EMAIL: 'review@initech.example',
  GIT_AUTHOR_DATE: '2025-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2025-01-01T00:00:00Z',
};

export interface GitProject {
  /** The project folder (the repository root, or a folder inside it). */
  readonly dir: string;
  /** The repository root. */
  readonly root: string;
  git(...args: string[]): string;
  /** Writes `environments/<name>.json`. */
  writeEnvironment(name: string, file: Record<string, any> | string): void;
  removeEnvironment(name: string): void;
  /** Replaces `from` by `to` in a source file; fails if `from` is not there (the fixture went stale). */
  patch(path: string, from: string, to: string): void;
  /** Commits everything and returns the commit's SHA. */
  commit(message: string): string;
}

/**
 * A git repository holding a copy of this project's app (as the review's revisions need it) and
 * environment files written by the test. `subfolder` puts the project inside a larger repository.
 */
export function gitProject(options: { subfolder?: string } = {}): GitProject {
  const root = tempDir('campaign-aam-repo-');
  const dir = options.subfolder === undefined ? root : join(root, options.subfolder);
  copyProjectSources(PROJECT_DIR, dir);
  mkdirSync(join(dir, 'environments'), { recursive: true });
  const git = (...args: string[]) => {
    const result = run('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: dir,
      env: GIT_ENV,
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
    return result.stdout.trim();
  };
  git('init', '--quiet', '--initial-branch=main');
  return {
    dir,
    root,
    git,
    writeEnvironment: (name, file) =>
      writeFileSync(
        join(dir, 'environments', `${name}.json`),
        typeof file === 'string' ? file : `${JSON.stringify(file, null, 2)}\n`,
      ),
    removeEnvironment: (name) => rmSync(join(dir, 'environments', `${name}.json`)),
    patch: (path, from, to) => {
      const text = readFileSync(join(dir, path), 'utf8');
      if (!text.includes(from)) throw new Error(`${path} no longer contains ${JSON.stringify(from)}: update the test`);
      writeFileSync(join(dir, path), text.split(from).join(to));
    },
    commit: (message) => {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
  };
}
