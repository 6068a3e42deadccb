import type { LiveCheck } from './live-checks';

/**
 * The Audience Manager check is its own command (`npm run check-aam -- <environment> --json`,
 * which needs Adobe credentials); the drift workflow runs it where it is configured and passes its
 * exit code here, so the issue and the summary carry it with the other live checks.
 */
const OUTCOMES = {
  '0': { status: 'ok', detail: 'data sources and destinations in Audience Manager match the environment file' },
  '1': {
    status: 'finding',
    detail:
      'Audience Manager differs from the environment file (see `npm run check-aam` in the job summary): segments may go to the wrong destination',
  },
  '2': { status: 'error', detail: 'could not be checked (see `npm run check-aam` in the job summary)' },
} as const;

export type AamExitCode = keyof typeof OUTCOMES;

export const isAamExitCode = (code: string): code is AamExitCode => Object.hasOwn(OUTCOMES, code);

export function aamCheck(code: AamExitCode): LiveCheck {
  return { check: 'aam-ids', subject: 'npm run check-aam', ...OUTCOMES[code] };
}
