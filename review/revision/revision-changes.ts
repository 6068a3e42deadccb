import { join, relative } from 'node:path';
import { projectPaths } from '../../runtime/project-paths';
import type { ChangeSet, EnvironmentChanges } from '../model';
import { compareConfigurations } from './config-diff';
import { compareDocuments } from './document-diff';
import {
  assertGitRepository,
  environmentEntryProblems,
  filesAtCommit,
  type ProjectFiles,
  resolveCommit,
  sameFiles,
  workingTreeFiles,
} from './revision-files';
import { isEnvironmentFile, isSynthInput, SYNTH_ENTRY, synthesizeRevision, type SynthResult } from './synth-revision';
import { withTempSpace } from './temp-space';

export interface RevisionsOptions {
  /** The project folder (where `main.ts` and `environments/` are), inside a git repository. */
  readonly projectDir: string;
  readonly base: string;
  /** @default - the working tree, uncommitted changes included */
  readonly head?: string;
}

export const WORKING_TREE = 'working tree';

const codeOf = (files: ProjectFiles) => new Map([...files].filter(([path]) => !isEnvironmentFile(path)));
const sameCode = (a: ProjectFiles, b: ProjectFiles) => sameFiles(codeOf(a), codeOf(b));
const synthesizes = (files: ProjectFiles) => files.has(SYNTH_ENTRY) && [...files.keys()].some(isEnvironmentFile);

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
  const refs = {
    mode: 'revisions' as const,
    base: { revision: options.base, commit: baseCommit },
    head: options.head === undefined ? { revision: WORKING_TREE } : { revision: options.head, commit: headCommit },
  };
  const unreadable = [
    { side: 'base', details: environmentEntryProblems(projectDir, baseCommit) },
    { side: 'head', details: environmentEntryProblems(projectDir, headCommit) },
  ].filter((p) => p.details.length > 0);
  if (unreadable.length > 0) {
    const summary = 'its environments folder holds entries that are not read as environment files';
    return { ...refs, environments: [], problems: unreadable.map((p) => ({ ...p, summary })) };
  }
  const baseFiles = filesAtCommit(projectDir, baseCommit, isSynthInput);
  const headFiles =
    headCommit === undefined
      ? workingTreeFiles(projectDir, isSynthInput)
      : filesAtCommit(projectDir, headCommit, isSynthInput);

  // Where a revision's code can be linked from instead of written: the project itself when both
  // revisions hold its code as it is now (a pull request that changes environment files alone),
  // else the base revision's folder when only the environments differ.
  const codeSame = sameCode(baseFiles, headFiles);
  const asInProject = headCommit === undefined || sameCode(headFiles, workingTreeFiles(projectDir, isSynthInput));
  const codeHere = codeSame && asInProject ? projectDir : undefined;

  const [base, head] = await withTempSpace(async (space): Promise<[SynthResult, SynthResult]> => {
    if (sameFiles(baseFiles, headFiles)) {
      const both = await synthesizeRevision(space, 'base and head', headFiles, projectDir, codeHere);
      return [both, both];
    }
    // The base revision's folder is written before its synth is awaited, so the head can link to it.
    const base = synthesizeRevision(space, 'base', baseFiles, projectDir, codeHere);
    const codeFrom = codeHere ?? (codeSame && synthesizes(baseFiles) ? join(space.root, 'base') : undefined);
    return Promise.all([base, synthesizeRevision(space, 'head', headFiles, projectDir, codeFrom)]);
  });

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
