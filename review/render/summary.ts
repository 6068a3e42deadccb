import { count } from '../format';
import type { Counts, EnvironmentReport, Report } from '../report';

/** The report's name, as its first line starts. */
export const TITLE = 'Campaign integration review';

/** What was compared, e.g. "`main` (1a2b3c4) → working tree", "`1a2b3c4` → `5d6e7f8`", or "plans of `production`". */
export function comparedText(report: Report): string {
  if (report.mode === 'plans') return `plans of ${(report.plans ?? []).map((p) => `\`${p.environment}\``).join(', ')}`;
  const side = (ref: Report['base']) =>
    ref === undefined
      ? ''
      : ref.commit === undefined
        ? ref.revision
        : ref.commit.startsWith(ref.revision)
          ? `\`${ref.commit.slice(0, 7)}\``
          : `\`${ref.revision}\` (${ref.commit.slice(0, 7)})`;
  return `${side(report.base)} → ${side(report.head)}`;
}

/** The first line: how many environments change and how many risks were found (or "No changes"). */
export function summaryLine(report: Report): string {
  const compared = comparedText(report);
  if (report.problems.length > 0) {
    return `## ${TITLE}: cannot compare, ${report.problems.map((p) => `${p.side} revision`).join(' and ')} cannot be synthesized (${compared})`;
  }
  const changed = report.environments.filter((e) => e.changed).length;
  if (changed === 0) return `## ${TITLE}: No changes (${compared})`;
  const risks = report.risks.length;
  return `## ${TITLE}: ${changed} of ${count(report.environments.length, 'environment')} ${changed === 1 ? 'changes' : 'change'}, ${risks === 0 ? 'no risks' : count(risks, 'risk')} found (${compared})`;
}

/** `1 to change, 2 to replace`: Terraform's own words for the counts. */
export function countsText(counts: Counts): string {
  const parts: [number, string][] = [
    [counts.import, 'to import'],
    [counts.add, 'to add'],
    [counts.change, 'to change'],
    [counts.replace, 'to replace'],
    [counts.destroy, 'to destroy'],
    [counts.read, 'to read'],
    [counts.forget, 'to forget'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(', ');
}

function label(env: EnvironmentReport): string {
  const notes = [
    env.presence === 'added' ? 'new' : env.presence === 'removed' ? 'removed' : '',
    env.drift.length > 0 ? 'drift' : '',
  ].filter((n) => n !== '');
  return `\`${env.name}\`${notes.length === 0 ? '' : ` (${notes.join(', ')})`}`;
}

/** One row per changed environment; the unchanged ones share a line. */
export function summaryTable(report: Report): string {
  const changed = report.environments.filter((e) => e.changed);
  const unchanged = report.environments.filter((e) => !e.changed);
  const removed = (e: EnvironmentReport, n: number) => (e.presence === 'removed' ? '–' : String(n));
  const rows = changed.map(
    (e) =>
      `| ${label(e)} | ${removed(e, e.counts.add)} | ${removed(e, e.counts.change)} | ${removed(e, e.counts.replace)} | ${removed(e, e.counts.destroy)} | ${removed(e, e.counts.import)} | ${e.risks.length} |`,
  );
  return [
    '| Environment | Add | Change | Replace | Destroy | Import | Risks |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...(unchanged.length === 0 ? [] : ['', `No changes: ${unchanged.map((e) => `\`${e.name}\``).join(', ')}.`]),
  ].join('\n');
}
