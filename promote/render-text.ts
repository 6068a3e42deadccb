import { formatProblem } from '../config/problems';
import { formatSettingPath } from '../config/setting-path';
import type { Difference, KeptValue } from './compare';
import type { IntendedMatch, PromotionPlan, StaleEntry } from './plan';
import type { PromoteResult, Refusal } from './promote';
import type { PromotionStatus } from './status';
import type { Workspace } from './workspace';

/** A value as the user wrote it in JSON; `(not set)` when absent. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

const both = (plan: PromotionPlan, from: unknown, to: unknown) =>
  `${plan.from.name} ${showValue(from)}, ${plan.to.name} ${showValue(to)}`;

function describe(plan: PromotionPlan, d: Difference): string {
  const path = formatSettingPath(d.path);
  const { from, to } = plan;
  if (d.path.dataSource !== undefined && d.path.field.endsWith('[]')) {
    return d.action === 'add'
      ? `+ ${path}: in ${from.name}, not in ${to.name}: added to ${to.name} (its per-environment values, such as the AAM Destination ID Adobe assigns, are left for you)`
      : `- ${path}: in ${to.name}, not in ${from.name}: removed from ${to.name}`;
  }
  switch (d.action) {
    case 'remove':
      return `- ${path}: not set in ${from.name}: removed from ${to.name} (was ${showValue(d.to)})`;
    case 'manual':
      return `! ${path}: set in ${from.name}, not in ${to.name}; its value is per environment, so give ${to.name} its own, or declare the difference`;
    default:
      return `~ ${path}: ${both(plan, d.from, d.to)}`;
  }
}

const intendedLine = (plan: PromotionPlan, { difference, entry }: IntendedMatch) =>
  `${formatSettingPath(difference.path)}: ${both(plan, difference.from, difference.to)} (${entry.at}: ${entry.reason})`;

const keptLine = (plan: PromotionPlan, k: KeptValue) => `${formatSettingPath(k.path)}: ${both(plan, k.from, k.to)}`;

function staleLines(workspace: Workspace, stale: readonly StaleEntry[]): string[] {
  if (stale.length === 0) return [];
  return [
    `Stale intended differences in ${workspace.config.file} (remove them, or they hide the next real difference):`,
    ...stale.map(
      (s) =>
        `  ${s.entry.at} ${formatSettingPath(s.entry.path)}: ${
          s.lane !== undefined
            ? `the steps of lane ${s.lane} no longer differ (all ${showValue(s.value)})`
            : s.environment === undefined
              ? `${s.entry.between!.join(' and ')} no longer differ (both ${showValue(s.value)})`
              : `${s.environment} no longer differs from the environments it is promoted from or into (all ${showValue(s.value)})`
        }`,
    ),
  ];
}

const section = (title: string, lines: string[]) =>
  lines.length === 0 ? [] : [title, ...lines.map((l) => `  ${l}`), ''];

function refusalLine(r: Refusal): string {
  switch (r.kind) {
    case 'guard-rail':
      return `${r.weakening.rail.path}: ${showValue(r.weakening.before)} → ${showValue(r.weakening.after)} weakens production: ${r.weakening.rail.consequence} [guard rail: ${r.weakening.rail.id}; pass --allow-weaker "<reason>" if this is intended]`;
    case 'manual':
      return `${r.path}: needs a value of its own (see above) before promotion can write the file`;
    default:
      return formatProblem(r.problem);
  }
}

/** The human report of `npm run promote -- <from> <to>`. */
export function renderPromotion(workspace: Workspace, result: PromoteResult): string {
  const { plan } = result;
  const { from, to } = plan;
  const lines = [`Promote ${from.name} → ${to.name} (${from.sourceFile} → ${to.sourceFile})`, ''];
  const differences = [...plan.toPromote, ...plan.manual];
  lines.push(
    ...(differences.length === 0
      ? [`Nothing to promote: ${to.name} has every shared setting of ${from.name}.`, '']
      : section(
          `Shared settings that differ (${differences.length}):`,
          differences.map((d) => describe(plan, d)),
        )),
  );
  lines.push(
    ...section(
      `Intended differences, not promoted (${workspace.config.file}):`,
      plan.intended.map((m) => intendedLine(plan, m)),
    ),
  );
  lines.push(
    ...section(
      `Per-environment values that stay (${plan.kept.length}):`,
      plan.kept.map((k) => keptLine(plan, k)),
    ),
  );
  if (result.weakenings.length > 0) {
    lines.push(
      ...section(
        `Guard rails: this would weaken production-tier ${to.name}:`,
        result.weakenings.map(
          (w) => `${w.rail.path}: ${showValue(w.before)} → ${showValue(w.after)}: ${w.rail.consequence} [${w.rail.id}]`,
        ),
      ),
    );
    if (result.allowWeaker !== undefined) lines.push(`Allowed with --allow-weaker: ${result.allowWeaker}`, '');
  }
  lines.push(...staleLines(workspace, workspace.stale));
  if (lines[lines.length - 1] !== '') lines.push('');

  const write = result.write;
  if (write === undefined) {
    lines.push(
      result.lags
        ? `${to.name} lags ${from.name}. Run with --write to update ${to.sourceFile}.`
        : `${to.name} is up to date with ${from.name}.`,
    );
  } else if (write.status === 'written') {
    lines.push(`Wrote ${write.file}: ${plan.toPromote.length} setting(s) promoted. Review the diff and commit it.`);
  } else if (write.status === 'up-to-date') {
    lines.push(`${to.name} is up to date with ${from.name}; ${write.file} was not changed.`);
  } else {
    lines.push(
      `Nothing was written to ${write.file}; ${write.refusals.length} problem(s):`,
      ...write.refusals.map((r) => `  - ${refusalLine(r)}`),
    );
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** `npm run promote -- --status`: Markdown, so it reads in a terminal and in a CI job summary alike. */
export function renderStatus(workspace: Workspace, status: PromotionStatus): string {
  const steps = status.lanes.flatMap((l) => l.steps);
  const lagging = steps.filter((s) => s.lags).length;
  const lines = [
    '## Promotion status',
    '',
    status.source === 'declared'
      ? `Lanes (as declared in ${workspace.config.file}); ${lagging} of ${steps.length} step${steps.length === 1 ? '' : 's'} lag${lagging === 1 ? 's' : ''}:`
      : `One lane, by tier (each tier holds one environment); ${lagging} of ${steps.length} step${steps.length === 1 ? '' : 's'} lag${lagging === 1 ? 's' : ''}:`,
    '',
    ...status.lanes.map(({ lane }) => `- ${lane.name}: ${lane.environments.join(' → ')}`),
  ];
  if (steps.length > 0) {
    lines.push(
      '',
      '| Lane | Step | Shared settings that differ | Which | Intended differences |',
      '| --- | --- | --: | --- | --: |',
      ...steps.map(({ plan }) => {
        const open = [...plan.toPromote, ...plan.manual];
        const which = open.length === 0 ? '—' : open.map((d) => `\`${formatSettingPath(d.path)}\``).join(', ');
        return `| ${plan.lane} | ${plan.from.name} → ${plan.to.name} | ${open.length} | ${cell(which)} | ${plan.intended.length} |`;
      }),
    );
  }
  const intended = steps.filter(({ plan }) => plan.intended.length > 0);
  if (intended.length > 0) {
    lines.push('', `### Intended differences (${workspace.config.file}; not promoted, not lag)`, '');
    for (const { plan } of intended) {
      lines.push(`${plan.from.name} → ${plan.to.name}:`, ...plan.intended.map((m) => `- ${intendedLine(plan, m)}`), '');
    }
  }
  const stale = staleLines(workspace, workspace.stale);
  if (stale.length > 0) lines.push('', ...stale);
  return lines.join('\n').trimEnd();
}
