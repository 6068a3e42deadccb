import type { Report, Risk } from '../report';
import { code } from '../format';

/**
 * Every risk, grouped by rule (what and why said once), then one line per resource and change;
 * environments where the very same change happens share the line.
 */
export function risksSection(report: Report): string {
  if (report.risks.length === 0) return '### Risks\n\nNone found.';
  const byRule = new Map<string, Risk[]>();
  for (const risk of report.risks) byRule.set(risk.rule, [...(byRule.get(risk.rule) ?? []), risk]);
  const groups = [...byRule.values()].map((risks) => {
    const lines = new Map<string, string[]>();
    for (const risk of risks) {
      const line = `${code(risk.address)}: ${risk.what}`;
      lines.set(line, [...(lines.get(line) ?? []), risk.environment]);
    }
    const { title, why, rule } = risks[0];
    return [
      `**${title}** (${code(rule)}): ${why}`,
      '',
      ...[...lines].map(([line, envs]) => `- ${envs.map((e) => `\`${e}\``).join(', ')} · ${line}`),
    ].join('\n');
  });
  return [`### ⚠️ Risks (${report.risks.length})`, ...groups].join('\n\n');
}
