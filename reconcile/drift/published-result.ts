import { join } from 'node:path';
import { z } from 'zod';
import { formatPath } from '../../config/problems';
import { readRegularFile } from '../../runtime/regular-file';
import { parseBoundedJson } from '../../runtime/bounded-json';
import { DRIFT_JSON_FORMAT } from './render';

/**
 * What one drift job leg leaves for the job that writes issues: `<environment>.json` (`npm run
 * drift -- --json`) and `<environment>.md` (its `--out` report). That job runs with a token that
 * may write issues, so it reads them as untrusted data: bounded regular files, a strict shape, the
 * expected environment, and nothing in them is run or used as a path.
 */
export interface PublishedResult {
  readonly environment: string;
  readonly status: 'clean' | 'drift' | 'error';
  /** One line, e.g. `2 changes outside Terraform (1 risk)`. */
  readonly summary: string;
  /** The Markdown report. */
  readonly report: string;
}

export class PublishedResultError extends Error {}

/** Far above any real report, far below what could hurt. */
const MAX_BYTES = 1_000_000;

const resultFile = z.object({
  format: z.literal(DRIFT_JSON_FORMAT),
  environments: z
    .array(
      z.looseObject({
        name: z.string(),
        status: z.enum(['clean', 'drift', 'error']),
        summary: z
          .string()
          .max(500)
          .regex(/^[^\r\n]*$/, 'one line'),
      }),
    )
    .length(1),
});

function readBounded(file: string): string {
  // Untrusted data from another job: a regular file only, never through a link, bounded.
  const read = readRegularFile(file, { maxBytes: MAX_BYTES });
  if (read.ok) return read.bytes.toString('utf8');
  if (read.reason === 'unreadable' && read.code === 'ENOENT') {
    throw new PublishedResultError(`${file} is missing: the drift job of this environment left no result`);
  }
  if (read.reason === 'unreadable') throw new PublishedResultError(`${file} cannot be read (${read.code})`);
  if (read.reason === 'too-large') throw new PublishedResultError(`${file} is larger than ${MAX_BYTES} bytes`);
  throw new PublishedResultError(`${file} is not a regular file`);
}

/** One environment's result from `dir`, checked; `environment` is a known environment's name. */
export function readPublishedResult(dir: string, environment: string): PublishedResult {
  const jsonFile = join(dir, `${environment}.json`);
  const json = parseBoundedJson(readBounded(jsonFile), { maxBytes: MAX_BYTES, maxDepth: 32 });
  if (!json.ok) throw new PublishedResultError(`${jsonFile} ${json.problem.message}`);
  const parsed = resultFile.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PublishedResultError(
      `${jsonFile} is not a drift result (${formatPath(issue.path) || '(top level)'}: ${issue.message})`,
    );
  }
  const [env] = parsed.data.environments;
  if (env.name !== environment) {
    throw new PublishedResultError(`${jsonFile} is the result of "${env.name}", not of "${environment}"`);
  }
  const mdFile = join(dir, `${environment}.md`);
  const report = readBounded(mdFile);
  if (!report.startsWith(`## Drift check of \`${environment}\``)) {
    throw new PublishedResultError(`${mdFile} is not the drift report of "${environment}"`);
  }
  return { environment, status: env.status, summary: env.summary, report };
}
