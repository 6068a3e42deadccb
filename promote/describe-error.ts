import { ConfigError, formatProblem } from '../config/problems';
import { LanesNeededError } from './lanes';

/**
 * How the commands that read the lanes (promote, deploy-waves) tell a problem with the files:
 * every problem, and when the lanes are missing, the section to add where it can be derived.
 */
export function describePromotionError(error: Error, what: string, consequence: string): string | undefined {
  if (!(error instanceof ConfigError)) return undefined;
  const n = error.problems.length;
  const lines = [`${what}: ${n} problem${n === 1 ? '' : 's'} to fix first; ${consequence}:`].concat(
    error.problems.map((p) => `  - ${formatProblem(p)}`),
  );
  if (error instanceof LanesNeededError) {
    const file = error.problems[0].file;
    lines.push(
      '',
      error.suggestion === undefined
        ? `Add "lanes" to ${file}, each lane an ordered list of environments; a lane may start at an environment of another lane to fan out, e.g.\n  "lanes": {\n    "eu": ["dev", "staging", "production-eu"],\n    "us": ["staging", "production-us"]\n  }`
        : `The environment names suggest these lanes; check them and add them to ${file}:\n${error.suggestion}`,
    );
  }
  return lines.join('\n');
}
