import type { EnvironmentReport, Report } from '../report';
import { campaignPart, documentsPart, environmentHeading, environmentNotes, resourcesPart } from './environment';
import { risksSection } from './risks';
import { summaryLine, summaryTable } from './summary';

/** GitHub refuses comments over 65,536 characters; this leaves room for a bot's own header. */
export const COMMENT_LIMIT = 65_000;

const PART_NAMES = {
  campaign: 'Campaign side',
  documents: 'handoff documents',
  resources: 'AWS resource details',
} as const;
type PartKind = keyof typeof PART_NAMES;

interface Part {
  readonly kind: PartKind;
  readonly text: string;
}

interface Section {
  readonly env: EnvironmentReport;
  readonly heading: string;
  readonly parts: readonly Part[];
}

/** Why a revision cannot be compared, with every problem; past `limit`, the rest is counted instead. */
function problemsSection(report: Report, limit = Infinity): string {
  let budget = limit;
  return report.problems
    .map((p) => {
      const heading = `### The ${p.side} revision cannot be synthesized: ${p.summary}`;
      const lines = p.details.map((d) => `- ${d.replace(/\s+/g, ' ')}`);
      budget -= heading.length + 2;
      const kept: string[] = [];
      for (const line of lines) {
        // Room is kept for the line that says how many more there are.
        if (budget - line.length - 1 < 200) break;
        budget -= line.length + 1;
        kept.push(line);
      }
      const more = kept.length < lines.length ? [`- … ${lines.length - kept.length} more (see the full report)`] : [];
      return [heading, '', ...kept, ...more].join('\n');
    })
    .join('\n\n');
}

function section(env: EnvironmentReport): Section {
  const notes = environmentNotes(env);
  const parts: Part[] = (
    [
      ['campaign', campaignPart(env)],
      ['documents', documentsPart(env)],
      ['resources', resourcesPart(env)],
    ] as const
  ).flatMap(([kind, text]) => (text === undefined ? [] : [{ kind, text }]));
  return {
    env,
    heading: notes === undefined ? environmentHeading(env) : `${environmentHeading(env)}\n\n${notes}`,
    parts,
  };
}

function renderSection(s: Section, cut: ReadonlySet<Part>): string {
  const kept = s.parts.filter((p) => !cut.has(p));
  const left = s.parts.filter((p) => cut.has(p));
  const note =
    left.length === 0
      ? []
      : [`_Left out to fit: ${left.map((p) => PART_NAMES[p.kind]).join(', ')} (see the full report)._`];
  return [s.heading, ...kept.map((p) => p.text), ...note].join('\n\n');
}

function cutNote(sections: readonly Section[], cut: ReadonlySet<Part>, dropped: readonly Section[]): string {
  const counts = (Object.keys(PART_NAMES) as PartKind[])
    .map((kind) => [kind, sections.filter((s) => s.parts.some((p) => p.kind === kind && cut.has(p))).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${PART_NAMES[kind]} of ${n} environment${n === 1 ? '' : 's'}`);
  const omitted =
    dropped.length === 0
      ? ''
      : ` Environments left out entirely: ${dropped.map((s) => `\`${s.env.name}\``).join(', ')}.`;
  return `---\n\n✂️ Cut to stay under GitHub's comment limit, largest sections first: ${counts.join('; ')}.${omitted} The first line, the summary and every risk are complete; the full report (\`--full\`) holds everything.`;
}

/**
 * The report in GitHub Markdown, in the issue's order: one summary line, the summary table, the
 * risks, then each changed environment (Campaign side and checklist, handoff documents, AWS
 * details). With a `limit`, detail is left out from the largest sections first until the report
 * fits; the first line, the table and the risks are never cut.
 */
export function renderMarkdown(report: Report, limit?: number): string {
  const title = summaryLine(report);
  if (report.problems.length > 0) return `${title}\n\n${problemsSection(report, limit)}\n`;
  const changed = report.environments.filter((e) => e.changed);
  if (changed.length === 0) return `${title}\n`;
  const headWith = (compact: boolean) => [title, summaryTable(report), risksSection(report, compact)].join('\n\n');
  // The first line, the table and every risk are never cut; very many risks get shorter resource names.
  const full = headWith(false);
  const head = limit !== undefined && full.length > limit ? headWith(true) : full;
  const sections = changed.map(section);
  const cut = new Set<Part>();
  const rendered = sections.map((s) => renderSection(s, cut));
  const assemble = (dropped: readonly Section[]) => {
    const body = sections.map((s, i) => (dropped.includes(s) ? undefined : rendered[i])).filter((t) => t !== undefined);
    const tail = cut.size === 0 ? [] : [cutNote(sections, cut, dropped)];
    return `${[head, ...body, ...tail].join('\n\n')}\n`;
  };
  if (limit === undefined) return assemble([]);

  const dropped = () => sections.filter((s) => s.parts.length > 0 && s.parts.every((p) => cut.has(p)));
  // The length of `assemble`, kept from the rendered sections so cutting stays linear in the report's size.
  const length = () => {
    const gone = new Set(dropped());
    const body = sections.reduce((n, s, i) => (gone.has(s) ? n : n + 2 + rendered[i].length), 0);
    return head.length + body + (cut.size === 0 ? 0 : 2 + cutNote(sections, cut, [...gone]).length) + 1;
  };
  const largestFirst = sections.flatMap((s) => s.parts).sort((a, b) => b.text.length - a.text.length);
  for (const part of largestFirst) {
    if (length() <= limit) break;
    cut.add(part);
    const i = sections.findIndex((s) => s.parts.includes(part));
    rendered[i] = renderSection(sections[i], cut);
  }
  return assemble(dropped());
}
