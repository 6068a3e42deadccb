import { runCommandSync, type SyncResult } from './processes';

/** git could not run, or refused; the message is git's own. */
export class GitError extends Error {}

/** Options that make a repository's own settings irrelevant: no signing prompt, no hooks. */
const NEUTRAL = ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];

export interface GitOptions {
  /** Written to git's standard input (e.g. object names for `cat-file --batch`). */
  readonly input?: string;
  /** Variables on top of ours, e.g. a throw-away repository's author. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs git in `dir` as it is; the caller reads the status (`check-ignore` answers with it). */
export function runGit(dir: string, args: readonly string[], options: GitOptions = {}): SyncResult {
  return runCommandSync('git', args, {
    cwd: dir,
    input: options.input,
    env: options.env === undefined ? undefined : { ...process.env, ...options.env },
    // A revision's files come through here in one batch.
    maxBuffer: 1024 * 1024 * 1024,
  });
}

/** git's standard output (bytes, for object contents), or a `GitError` with what it said. */
export function gitBytes(dir: string, args: readonly string[], options: GitOptions = {}): Buffer {
  const result = runGit(dir, args, options);
  if (result.error !== undefined) throw new GitError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) {
    throw new GitError(`git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.status}`}`);
  }
  return result.stdoutBytes;
}

/** git's standard output as text, trimmed, or a `GitError`. */
export const git = (dir: string, args: readonly string[], options: GitOptions = {}): string =>
  gitBytes(dir, args, options).toString('utf8').trim();

/** Who commits in a throw-away repository, unless `options.env` says otherwise. */
const THROWAWAY_IDENTITY = {
  GIT_AUTHOR_NAME: 'campaign-aam',
  GIT_AUTHOR_EMAIL: 'campaign-aam@example.invalid',
  GIT_COMMITTER_NAME: 'campaign-aam',
  GIT_COMMITTER_EMAIL: 'campaign-aam@example.invalid',
};

/** git in a throw-away repository of ours (bench, tests): the user's identity, signing and hooks stay out. */
export const throwawayGit = (dir: string, args: readonly string[], options: GitOptions = {}): string =>
  git(dir, [...NEUTRAL, ...args], { ...options, env: { ...THROWAWAY_IDENTITY, ...options.env } });

/** Whether `dir` lies inside a git work tree (false also when git is missing). */
export function isInsideWorkTree(dir: string): boolean {
  const result = runGit(dir, ['rev-parse', '--is-inside-work-tree']);
  return result.status === 0 && result.stdout.trim() === 'true';
}

/**
 * Whether git in `dir` would leave `path` (relative to `dir`) out of a `git add -A`: true when
 * ignored, false when not, undefined when there is no repository or no git (nothing can commit it).
 */
export function isIgnored(dir: string, path: string): boolean | undefined {
  const status = runGit(dir, ['check-ignore', '--quiet', '--no-index', '--', path]).status;
  return status === 0 ? true : status === 1 ? false : undefined;
}

/** The files git sees in `dir`'s work tree, relative to `dir`: tracked, and new ones it does not ignore. */
export function workTreePaths(dir: string): string[] {
  const listed = gitBytes(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).toString('utf8');
  return [...new Set(listed.split('\0').filter((path) => path !== ''))];
}
