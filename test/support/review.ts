import { join } from 'node:path';
import { PROJECT_DIR, run, type RunResult } from './run';

/** The compiled command, as `npm run review` runs it (the integration and e2e global setup builds `dist/`). */
export const REVIEW_CLI = [join(PROJECT_DIR, 'dist', 'cli', 'review.js')] as const;

/**
 * `npm run review -- <args>` as a user runs it in the project at `cwd` (a temporary repository in
 * most tests): the project's own review code, run in `cwd`, which is also where relative paths start.
 */
export function review(cwd: string, args: string[], env: Record<string, string> = {}): RunResult {
  return run(process.execPath, [...REVIEW_CLI, ...args], { cwd, env: { INIT_CWD: cwd, ...env } });
}

export type { RunResult };
