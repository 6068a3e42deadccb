import type { CheckResult } from './checks';

/** The checks of one environment file, with where they came from. */
export interface EnvironmentReport {
  readonly environment: string;
  readonly file: string;
  readonly imsOrgId: string;
  readonly checks: readonly CheckResult[];
}

const MARKS = { pass: '✓', fail: '✗', skip: '-' } as const;

const failures = (report: EnvironmentReport) => report.checks.filter((c) => c.status === 'fail').length;

/** Whether Audience Manager agrees with every checked ID of every report. */
export const allPassed = (reports: readonly EnvironmentReport[]) => reports.every((r) => failures(r) === 0);

/** One line per check (✓ / ✗ / - for nothing to check), what to do under each ✗, and a summary per environment. */
export function renderText(reports: readonly EnvironmentReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${report.environment} (${report.file}, IMS Org ID ${report.imsOrgId})`);
    for (const c of report.checks) {
      lines.push(`  ${MARKS[c.status]} ${c.dataSource}: ${c.check} — ${c.detail}`);
      if (c.fix !== undefined) lines.push(`      what to do: ${c.fix}`);
    }
    const failed = failures(report);
    const counted = report.checks.filter((c) => c.status !== 'skip').length;
    lines.push(
      failed === 0
        ? `  ${report.environment}: Audience Manager agrees (${counted} check${counted === 1 ? '' : 's'} passed)`
        : `  ${report.environment}: ${failed} of ${counted} check${counted === 1 ? '' : 's'} FAILED`,
      '',
    );
  }
  return lines.join('\n').trimEnd();
}

/** The same, for scripts: `ok` is what the exit code says. */
export function renderJson(reports: readonly EnvironmentReport[]): string {
  return JSON.stringify(
    {
      ok: allPassed(reports),
      environments: reports.map((r) => ({ ...r, ok: failures(r) === 0 })),
    },
    null,
    2,
  );
}
