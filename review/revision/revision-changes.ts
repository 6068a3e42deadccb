import { relative } from 'node:path';
import { projectPaths } from '../../synth/project-paths';
import type { ChangeSet, EnvironmentChanges } from '../model';
import { compareConfigurations } from './config-diff';
import { compareDocuments } from './document-diff';
import { assertGitRepository, filesAtCommit, resolveCommit, sameFiles, workingTreeFiles } from './git';
import { isSynthInput, synthesizeRevision, type SynthResult } from './synth-revision';
import { withTempSpace } from './temp-space';

export interface RevisionsOptions {
  /** The project folder (where `main.ts` and `environments/` are), inside a git repository. */
  readonly projectDir: string;
  readonly base: string;
  /** @default - the working tree, uncommitted changes included */
  readonly head?: string;
}

export const WORKING_TREE = 'working tree';

/**
 * Synthesizes the environments of two revisions, each from its own files in a temporary folder
 * (in parallel; once when both revisions hold the same files), and compares them environment by
 * environment. The project folder and its `cdktf.out` are only read.
 */
export async function revisionChanges(options: RevisionsOptions): Promise<ChangeSet> {
  const { projectDir } = options;
  assertGitRepository(projectDir);
  const baseCommit = resolveCommit(projectDir, options.base);
  const headCommit = options.head === undefined ? undefined : resolveCommit(projectDir, options.head);
  const baseFiles = filesAtCommit(projectDir, baseCommit, isSynthInput);
  const headFiles =
    headCommit === undefined
      ? workingTreeFiles(projectDir, isSynthInput)
      : filesAtCommit(projectDir, headCommit, isSynthInput);

  const [base, head] = await withTempSpace(async (space): Promise<[SynthResult, SynthResult]> => {
    if (sameFiles(baseFiles, headFiles)) {
      const both = await synthesizeRevision(space, 'base and head', headFiles, projectDir);
      return [both, both];
    }
    return Promise.all([
      synthesizeRevision(space, 'base', baseFiles, projectDir),
      synthesizeRevision(space, 'head', headFiles, projectDir),
    ]);
  });

  const refs = {
    mode: 'revisions' as const,
    base: { revision: options.base, commit: baseCommit },
    head: options.head === undefined ? { revision: WORKING_TREE } : { revision: options.head, commit: headCommit },
  };
  if (!base.ok || !head.ok) {
    const problems = [base, head].flatMap((r) => (r.ok ? [] : [r.problem]));
    return { ...refs, environments: [], problems: base === head ? problems.slice(0, 1) : problems };
  }
  const paths = projectPaths(projectDir);
  const names = [...new Set([...base.environments.keys(), ...head.environments.keys()])].sort();
  const environments = names.map((name): EnvironmentChanges => {
    const before = base.environments.get(name);
    const after = head.environments.get(name);
    return {
      name,
      presence: before === undefined ? 'added' : after === undefined ? 'removed' : 'both',
      changes: compareConfigurations(before?.config, after?.config),
      drift: [],
      documents: compareDocuments(before?.documents, after?.documents),
      stackDir: relative(projectDir, paths.stackDir(name)),
      notes: [],
    };
  });
  return { ...refs, environments, problems: [] };
}
