import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ENVIRONMENT_FILE_BYTES, notRegularFileProblem, tooLargeProblem } from '../../config/environment-files';
import { formatProblem } from '../../config/problems';
import { GitError, gitBytes, isInsideWorkTree, runGit, workTreePaths } from '../../runtime/git';
import { DEFAULT_PATHS } from '../../runtime/project-paths';
import { ReviewInputError } from '../errors';

/** The files of one revision of the project folder, by path relative to that folder. */
export type ProjectFiles = ReadonlyMap<string, Buffer>;

/** `read`'s result, with git's refusals as the review's input errors. */
function reviewInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GitError) throw new ReviewInputError(error.message);
    throw error;
  }
}

const git = (projectDir: string, args: string[], input?: string): Buffer =>
  reviewInput(() => gitBytes(projectDir, args, { input }));

/** Fails clearly when the project is not in a git repository (revision mode needs one). */
export function assertGitRepository(projectDir: string): void {
  if (isInsideWorkTree(projectDir)) return;
  // Only now worth a second call: is git missing, or is this no repository?
  const probe = runGit(projectDir, ['--version']);
  if (probe.error !== undefined)
    throw new ReviewInputError(`revision review needs git on PATH: ${probe.error.message}`);
  throw new ReviewInputError(
    `${projectDir} is not in a git repository: compare revisions in a clone, or review plans with --plan`,
  );
}

/** The commit a revision names (a branch, tag, SHA, `HEAD~1`...), or a clear error. */
export function resolveCommit(projectDir: string, revision: string): string {
  const result = runGit(projectDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (result.status !== 0) {
    throw new ReviewInputError(
      `unknown revision "${revision}": no such commit in this repository. Check the name, or fetch it first ` +
        '(a shallow CI checkout needs the base commit too, e.g. actions/checkout with fetch-depth: 0)',
    );
  }
  return result.stdout.trim();
}

/** The files of the project folder at `commit` for which `wanted` holds. */
export function filesAtCommit(projectDir: string, commit: string, wanted: (path: string) => boolean): ProjectFiles {
  // Run in the project folder, ls-tree lists that folder only, with paths relative to it.
  const entries = git(projectDir, ['ls-tree', '-r', '-z', commit])
    .toString('utf8')
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const [meta, path] = line.split('\t');
      const [mode, type, object] = meta.split(' ');
      return { mode, type, object, path };
    })
    // Regular files only: no symlinks (120000) or submodules.
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && wanted(e.path));
  const files = new Map<string, Buffer>();
  if (entries.length === 0) return files;
  const batch = git(projectDir, ['cat-file', '--batch'], entries.map((e) => `${e.object}\n`).join(''));
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(0x0a, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    files.set(entry.path, batch.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return files;
}

/** The files of the working tree as they are now: committed, modified and new (not ignored) files. */
export function workingTreeFiles(projectDir: string, wanted: (path: string) => boolean): ProjectFiles {
  const paths = reviewInput(() => workTreePaths(projectDir)).filter(wanted);
  const files = new Map<string, Buffer>();
  for (const path of paths) {
    const full = join(projectDir, path);
    try {
      if (!lstatSync(full).isFile()) continue;
      files.set(path, readFileSync(full));
    } catch {
      // Deleted in the working tree but still in the index: it is gone from this revision.
    }
  }
  return files;
}

const GIT_KINDS: Readonly<Record<string, string>> = { '120000': 'a symbolic link', '160000': 'a submodule' };

/**
 * What in a revision's environments folder would not be read as written: links, submodules (in a
 * commit), FIFOs and devices (in the working tree), and files over the size limit. Checked before
 * anything of the revision is written or synthesized, so such a file is reported by name, never
 * followed, read or silently left out (git's listing would drop a link).
 */
export function environmentEntryProblems(projectDir: string, commit: string | undefined): string[] {
  const folder = DEFAULT_PATHS.environments;
  const problems = [];
  if (commit !== undefined) {
    const entries = git(projectDir, ['ls-tree', '-l', '-z', commit, '--', `${folder}/`])
      .toString('utf8')
      .split('\0')
      .filter((line) => line !== '');
    for (const line of entries) {
      const [meta, path] = line.split('\t');
      const [mode, type, , size] = meta.split(/\s+/);
      if (GIT_KINDS[mode] !== undefined) problems.push(notRegularFileProblem(path, GIT_KINDS[mode]));
      else if (type === 'blob' && Number(size) > MAX_ENVIRONMENT_FILE_BYTES)
        problems.push(tooLargeProblem(path, Number(size)));
    }
  } else {
    let names: string[] = [];
    try {
      names = readdirSync(join(projectDir, folder));
    } catch {
      // No environments folder: the revision's own synth says so.
    }
    for (const name of names) {
      const path = `${folder}/${name}`;
      const stat = lstatSync(join(projectDir, path), { throwIfNoEntry: false });
      if (stat === undefined || stat.isDirectory()) continue;
      if (stat.isSymbolicLink()) problems.push(notRegularFileProblem(path, 'a symbolic link'));
      else if (!stat.isFile())
        problems.push(notRegularFileProblem(path, 'not a regular file (a FIFO, socket or device)'));
      else if (stat.size > MAX_ENVIRONMENT_FILE_BYTES) problems.push(tooLargeProblem(path, stat.size));
    }
  }
  return problems.map(formatProblem);
}

export function sameFiles(a: ProjectFiles, b: ProjectFiles): boolean {
  if (a.size !== b.size) return false;
  for (const [path, content] of a) {
    const other = b.get(path);
    if (other === undefined || !other.equals(content)) return false;
  }
  return true;
}
