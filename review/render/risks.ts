import type { Report, Risk } from '../report';
import { code, resourceLabel } from '../format';

/**
 * Every risk, grouped by rule (what and why said once), then one line per resource and change;
 * environments where the very same change happens share the line. `compact` names resources by
 * their construct path instead of their full address, for reports with very many risks.
 */
export function risksSection(report: Report, compact = false): string {
  if (report.risks.length === 0) return '### Risks\n\nNone found.';
  const byRule = new Map<string, Risk[]>();
  for (const risk of report.risks) byRule.set(risk.rule, [...(byRule.get(risk.rule) ?? []), risk]);
  const groups = [...byRule.values()].map((risks) => {
    const lines = new Map<string, string[]>();
    for (const risk of risks) {
      const line = `${code(compact ? resourceLabel(risk.address) : risk.address)}: ${risk.what}`;
      lines.set(line, [...(lines.get(line) ?? []), risk.environment]);
    }
    const { title, why, rule } = risks[0];
    return [
      `**${title}** (${code(rule)}): ${why}`,
      '',
      ...[...lines].map(([line, envs]) => `- ${envs.map((e) => `\`${e}\``).join(', ')} · ${line}`),
    ].join('\n');
  });
  const note = compact
    ? ['_Resources are named by their construct path to fit; the full report gives their addresses._']
    : [];
  return [`### ⚠️ Risks (${report.risks.length})`, ...note, ...groups].join('\n\n');
}
