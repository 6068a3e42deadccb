import { buildReport } from '../../review';
import { code, count, resourceLabel } from '../../review/format';
import { campaignPart } from '../../review/render/environment';
import { driftStatus, type DriftResult } from './drift-result';
import type { Finding } from './findings';
import type { LiveCheck } from './live-checks';

/** Version of the JSON shape, for pipelines that read it. */
export const DRIFT_JSON_FORMAT = 'campaign-aam-drift/1';

/** Each status in the summary table's words. */
export const STATUS_WORDS = { clean: 'clean', drift: 'needs a look', error: 'could not be checked' } as const;

const riskCount = (findings: readonly Finding[]) => findings.reduce((n, f) => n + f.risks.length, 0);

/** `2 changes outside Terraform (1 risk), 1 change not deployed, 1 live check to look at`, or `clean`. */
export function driftSummary(result: DriftResult): string {
  const status = driftStatus(result);
  if (status === 'clean') return 'clean: no drift, nothing pending, live checks passed';
  const parts: string[] = [];
  if (result.plan !== undefined) {
    const { drift, pending } = result.plan;
    const risks = (findings: readonly Finding[]) =>
      riskCount(findings) === 0 ? '' : ` (${count(riskCount(findings), 'risk')})`;
    if (drift.length > 0) parts.push(`${count(drift.length, 'change')} outside Terraform${risks(drift)}`);
    if (pending.length > 0) parts.push(`${count(pending.length, 'change')} not deployed${risks(pending)}`);
  }
  const findings = result.checks.filter((c) => c.status === 'finding').length;
  if (findings > 0) parts.push(`${count(findings, 'live check')} to look at`);
  if (status === 'error') parts.push('some checks could not run');
  return parts.join(', ');
}

function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const where = `${code(f.address)} (${code(resourceLabel(f.address))})`;
    if (f.risks.length === 0) return `- ${where}: ${f.what}. Not a risk by the review's rules.`;
    const risks = f.risks.map((r) => `  - ⚠️ **${r.title}** (${code(r.rule)}): ${r.what}. ${r.why}`);
    return [`- ${where}: ${f.what}.`, ...risks].join('\n');
  });
}

const CHECK_WORDS: Record<LiveCheck['check'], string> = {
  'access-key-use': 'Access key in use by Campaign',
  'tracking-record': 'Tracking record in Route53',
  'tracking-dns': 'Tracking record in public DNS',
  'aam-ids': 'Audience Manager IDs',
};
const MARKS: Record<LiveCheck['status'], string> = { ok: '✓', finding: '✗', skipped: '–', error: '!' };

const checkLine = (c: LiveCheck) => `- ${MARKS[c.status]} ${CHECK_WORDS[c.check]}, ${code(c.subject)}: ${c.detail}`;

const HEADING = '## Drift check of';

/** Whether a file starts like a drift report, i.e. an earlier `--out` may be written over. */
export const isDriftReport = (start: string) => start.startsWith(`${HEADING} \``);

/** One environment's drift, in Markdown: the body, a job summary section, the terminal's output. */
export function renderEnvironment(result: DriftResult): string {
  const name = result.environment;
  const parts = [`${HEADING} \`${name}\`: ${driftSummary(result)}`];
  if (result.errors.length > 0) {
    parts.push(['**Could not be checked**', '', '```text', ...result.errors, '```'].join('\n'));
  }
  const plan = result.plan;
  if (plan !== undefined) {
    if (plan.drift.length > 0) {
      parts.push(
        [
          `### Changed outside Terraform (${plan.drift.length})`,
          '',
          ...findingLines(plan.drift),
          '',
          `Find out who changed it and why; \`npm run deploy -- ${name}\` puts the declared values back (or recreates what was deleted), or change the environment file to keep the new value.`,
        ].join('\n'),
      );
    }
    if (plan.pending.length > 0) {
      parts.push(
        [`### Declared but not deployed (${plan.pending.length})`, '', ...findingLines(plan.pending)].join('\n'),
      );
      const campaign = campaignPart(
        buildReport({ mode: 'plans', environments: [plan.pendingChanges], problems: [] }).environments[0],
      );
      if (campaign !== undefined) parts.push(campaign);
    }
    for (const note of plan.notes) parts.push(`_${note}_`);
  }
  if (result.checks.length > 0) parts.push(['### Live checks', '', ...result.checks.map(checkLine)].join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** A row per environment: its name, its status in words, and what (table characters escaped). */
export function summaryTable(rows: readonly (readonly [environment: string, status: string, what: string])[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [
    '| Environment | Status | What |',
    '| --- | --- | --- |',
    ...rows.map(([environment, status, what]) => `| \`${environment}\` | ${cell(status)} | ${cell(what)} |`),
  ].join('\n');
}

/** Every environment, one line each: the head of the output. */
export const renderSummary = (results: readonly DriftResult[]) =>
  summaryTable(results.map((r) => [r.environment, STATUS_WORDS[driftStatus(r)], driftSummary(r)] as const));

/** The results as data: the same findings as the Markdown, values masked as in the review (`(sensitive)`). */
export function renderJson(results: readonly DriftResult[]): string {
  const data = {
    format: DRIFT_JSON_FORMAT,
    environments: results.map((r) => ({
      name: r.environment,
      status: driftStatus(r),
      summary: driftSummary(r),
      drift: r.plan?.drift ?? [],
      pending: r.plan?.pending ?? [],
      checks: r.checks,
      errors: r.errors,
      notes: r.plan?.notes ?? [],
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
