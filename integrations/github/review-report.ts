import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The report a pull request's read-only jobs hand to the posting workflow, as an artifact: the
 * pull request's number and the Markdown parts of its comment. It was built by the pull request's
 * own code, so the poster reads it as untrusted data: regular files only, known names only,
 * bounded sizes, each part opened by the marker.
 */
export interface ReviewReport {
  readonly pullRequest: number;
  /** `review.md` first, then the plan reviews in their order (`plan-<position>-<environment>.md`). */
  readonly parts: readonly string[];
}

/** The first line of every Markdown part: what makes a file a part of this report. */
export const REPORT_MARKER = '<!-- campaign-aam-report -->';
export const PULL_REQUEST_FILE = 'pull-request';
export const REPORT_LIMITS = { files: 20, fileBytes: 256 * 1024, totalBytes: 1024 * 1024 } as const;

const PART = /^(review|plan-(\d{1,3})-[a-z][a-z0-9-]{0,30})\.md$/;

export class ReviewReportError extends Error {}

export function readReviewReport(dir: string): ReviewReport {
  const refuse = (why: string) => new ReviewReportError(`the review report in ${dir} is refused: ${why}`);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw refuse(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (names.length > REPORT_LIMITS.files) throw refuse(`${names.length} files, more than ${REPORT_LIMITS.files}`);
  let total = 0;
  const contents = new Map<string, string>();
  for (const name of names) {
    if (name !== PULL_REQUEST_FILE && !PART.test(name)) {
      throw refuse(`unexpected file "${name}" (expected ${PULL_REQUEST_FILE}, review.md, plan-<n>-<environment>.md)`);
    }
    // A link could point anywhere on the runner: only plain files are read.
    const stat = lstatSync(join(dir, name));
    if (!stat.isFile()) throw refuse(`"${name}" is not a regular file`);
    if (stat.size > REPORT_LIMITS.fileBytes)
      throw refuse(`"${name}" is ${stat.size} bytes, more than ${REPORT_LIMITS.fileBytes}`);
    total += stat.size;
    if (total > REPORT_LIMITS.totalBytes) throw refuse(`its files hold more than ${REPORT_LIMITS.totalBytes} bytes`);
    contents.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  const number = (contents.get(PULL_REQUEST_FILE) ?? '').trim();
  if (!/^[1-9]\d{0,9}$/.test(number)) {
    throw refuse(`${PULL_REQUEST_FILE} must hold a pull request number, not ${JSON.stringify(number.slice(0, 40))}`);
  }
  if (!contents.has('review.md')) throw refuse('review.md is missing');
  const order = (name: string) => (name === 'review.md' ? -1 : Number(PART.exec(name)![2]));
  const parts = [...contents.keys()]
    .filter((name) => name !== PULL_REQUEST_FILE)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => {
      const [first, ...rest] = contents.get(name)!.split('\n');
      if (first.trimEnd() !== REPORT_MARKER) throw refuse(`"${name}" does not start with ${REPORT_MARKER}`);
      return rest.join('\n').trim();
    });
  return { pullRequest: Number(number), parts };
}
