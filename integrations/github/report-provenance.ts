/**
 * The code that computes a review's verdict: every folder `npm run review` is built from (a test
 * follows its imports), its build, and the pipeline. A pull request that changes it has its report
 * built by the changed code (the report job runs the pull request's code), so the report cannot
 * vouch for itself: the poster, which runs the default branch's code, says so above it.
 */
export const REPORT_CODE = [
  'cli/',
  'review/',
  'policy/',
  'config/',
  'campaign/',
  'runtime/',
  '.github/',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
] as const;

/** The changed files that belong to the report's own code. */
export function reportCodeChanges(changedFiles: readonly string[]): string[] {
  return changedFiles.filter((file) =>
    REPORT_CODE.some((code) => (code.endsWith('/') ? file.startsWith(code) : file === code)),
  );
}

/** The warning that leads the comment, or nothing when the report's code is unchanged. */
export function provenanceNotice(changedFiles: readonly string[]): string | undefined {
  const changed = reportCodeChanges(changedFiles);
  if (changed.length === 0) return undefined;
  const shown = changed.slice(0, 10).map((file) => `\`${file}\``);
  const more = changed.length > shown.length ? ` and ${changed.length - shown.length} more` : '';
  return [
    `> [!WARNING]`,
    `> **This pull request changes the code that produced this report** (${shown.join(', ')}${more}).`,
    '> The report below was computed by that changed code: it cannot vouch for itself. Review those files',
    "> first (CODEOWNERS should require their owners' approval); the report of the base branch's code comes",
    '> only after merge.',
  ].join('\n');
}
