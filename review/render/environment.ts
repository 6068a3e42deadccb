import { RECORD_NAME_FIELDS } from '../../campaign/vocabulary';
import { recordTitle, type CampaignChange, type FieldValue } from '../campaign-changes';
import { code, count } from '../format';
import { Hidden, type DocumentChange, type ResourceChange } from '../model';
import type { EnvironmentReport } from '../report';
import { HANDOFF } from '../../runtime/project-paths';
import { countsText } from './summary';

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fenced(language: string, lines: readonly string[]): string {
  const longest = Math.max(2, ...lines.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, ...lines, fence].join('\n');
}

export function environmentHeading(env: EnvironmentReport): string {
  if (env.presence === 'removed') return `### \`${env.name}\`: removed`;
  const what = [
    env.presence === 'added' ? 'new environment' : '',
    countsText(env.counts),
    env.drift.length > 0 ? `${count(env.drift.length, 'resource')} drifted` : '',
    env.risks.length > 0 ? count(env.risks.length, 'risk') : '',
  ].filter((t) => t !== '');
  return `### \`${env.name}\`${what.length === 0 ? '' : `: ${what.join(', ')}`}`;
}

/** Notes about the input and, for a removed environment, what happens to it. */
export function environmentNotes(env: EnvironmentReport): string | undefined {
  const notes = env.notes.map((n) => `> ${n}`);
  if (env.presence === 'removed') {
    notes.push(
      `> The environment file is gone, so its stack is no longer synthesized or deployed. Its resources stay in AWS and in its state until someone runs \`cdktf destroy ${env.name}\` with the previous revision; then its Campaign records (below) can go too.`,
    );
  }
  return notes.length === 0 ? undefined : notes.join('\n');
}

const campaignValue = (value: FieldValue | undefined) =>
  value === undefined
    ? '(none)'
    : value instanceof Hidden
      ? '_(set at deploy)_'
      : value === ''
        ? '_(empty)_'
        : code(value);

function campaignLine(c: CampaignChange): string {
  const record = recordTitle(c);
  if (c.action === 'delete') return `${record} removed`;
  if (c.action === 'create') {
    // The record's own name is in the line already, and "(new)" says what `action` would.
    const fields = c.fields.filter(
      (f) => f.field !== RECORD_NAME_FIELDS[c.kind] && f.field !== 'action' && f.after !== '',
    );
    return `${record} (new): ${fields.map((f) => `${f.label} ${campaignValue(f.after)}`).join(', ')}`;
  }
  const fields = c.fields.map((f) =>
    f.before === undefined || f.before instanceof Hidden
      ? `${f.label} → ${campaignValue(f.after)}`
      : `${f.label} ${campaignValue(f.before)} → ${campaignValue(f.after)}`,
  );
  return `${record}: ${fields.join('; ')}`;
}

/** The Campaign side in Campaign's words, then what the administrator must do by hand. */
export function campaignPart(env: EnvironmentReport): string | undefined {
  const { steps, provisioningRequest } = env.adobe;
  if (env.campaign.length === 0 && !provisioningRequest.needed) return undefined;
  const when =
    env.presence === 'removed' ? `after \`cdktf destroy ${env.name}\`` : `after \`npm run deploy -- ${env.name}\``;
  const request = provisioningRequest.needed
    ? `**New provisioning request to Adobe: needed** (${provisioningRequest.reasons.join('; ')}). Send the regenerated \`${provisioningRequest.document}\`.`
    : '**New provisioning request to Adobe:** not needed.';
  return [
    '**Campaign side**',
    '',
    ...(env.campaign.length === 0 ? ['No Campaign record changes.'] : env.campaign.map((c) => `- ${campaignLine(c)}`)),
    '',
    `**Adobe-side checklist**, by hand ${when} (Campaign has no public API for these settings):`,
    '',
    ...(steps.length === 0 ? ['- Nothing to change in Campaign.'] : steps.map((s) => `- [ ] ${s}`)),
    `- ${request}`,
  ].join('\n');
}

function documentBlock(doc: DocumentChange): string {
  const file = `\`${HANDOFF.folder}/${doc.file}\``;
  if (doc.status !== 'changed') {
    const lines = doc.hunks.reduce((n, h) => n + h.added.length + h.removed.length, 0);
    return `${file}: ${doc.status === 'added' ? 'new' : 'removed'} (${count(lines, 'line')}).`;
  }
  const changed = doc.hunks.reduce((n, h) => n + Math.max(h.added.length, h.removed.length), 0);
  const lines = doc.hunks.flatMap((h) => [
    `@@ line ${h.newStart} @@`,
    ...h.removed.map((l) => `-${l}`),
    ...h.added.map((l) => `+${l}`),
  ]);
  return [`${file}, ${count(changed, 'line')}:`, '', fenced('diff', lines)].join('\n');
}

/** Which lines of the generated request email and setup sheet change. */
export function documentsPart(env: EnvironmentReport): string | undefined {
  if (env.presence === 'removed') return undefined;
  if (env.documents === undefined) {
    return '**Handoff documents**: not compared from plans; review the revisions (`--base`) to see which lines change.';
  }
  if (env.documents.length === 0) return undefined;
  return ['**Handoff documents**', '', ...env.documents.map(documentBlock)].join('\n\n').replace(/\n\n\n+/g, '\n\n');
}

const SYMBOL: Record<ResourceChange['action'], string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  import: '=',
  read: '<=',
  forget: '-',
  'no-op': ' ',
};

const WORDS: Record<ResourceChange['action'], string> = {
  create: 'create',
  update: 'update in place',
  replace: 'replace',
  delete: 'destroy',
  import: 'import',
  read: 'read',
  forget: 'forget (removed from state, kept in AWS)',
  'no-op': 'no change',
};

const json = (v: unknown) => (v instanceof Hidden ? v.toJSON() : JSON.stringify(v));

function resourceLines(c: ResourceChange, words = WORDS[c.action]): string[] {
  const action = c.importing && c.action !== 'import' ? `import and ${words}` : words;
  const lines = [`${SYMBOL[c.action]} ${c.address}: ${action}`];
  if (c.action === 'delete' || c.action === 'forget') return lines;
  const unknown = c.attributes.filter(
    (a) => a.after instanceof Hidden && a.after.reason === 'unknown' && !a.forcesReplacement,
  );
  for (const a of c.attributes.filter((x) => !unknown.includes(x))) {
    const forces = a.forcesReplacement ? '  # forces replacement' : '';
    if (a.before !== undefined && a.before !== null && c.action !== 'create')
      lines.push(`-     ${a.path}: ${json(a.before)}${a.after === undefined || a.after === null ? forces : ''}`);
    if (a.after !== undefined && a.after !== null) lines.push(`+     ${a.path}: ${json(a.after)}${forces}`);
  }
  if (unknown.length > 0) lines.push(`      known after apply: ${unknown.map((a) => a.path).join(', ')}`);
  return lines;
}

function detailsBlock(summary: string, lines: readonly string[]): string {
  return ['<details>', `<summary>${summary}</summary>`, '', fenced('diff', lines), '', '</details>'].join('\n');
}

/** The attribute-level diff of each changed resource, output and setting, folded. */
export function resourcesPart(env: EnvironmentReport): string | undefined {
  const blocks: string[] = [];
  if (env.resources.length > 0) {
    const resources = env.resources.filter((r) => r.kind === 'resource' || r.kind === 'data').length;
    const other = env.resources.length - resources;
    const summary = [
      resources > 0 ? `AWS resources: ${countsText(env.counts) || count(resources, 'change')}` : 'AWS resources: none',
      other > 0 ? `${count(other, 'output or setting', 'outputs or settings')}` : '',
    ]
      .filter((s) => s !== '')
      .join(', ');
    blocks.push(
      detailsBlock(
        summary,
        env.resources.flatMap((r) => resourceLines(r)),
      ),
    );
  }
  if (env.drift.length > 0) {
    blocks.push(
      detailsBlock(
        `Changed outside Terraform (drift): ${count(env.drift.length, 'resource')}`,
        env.drift.flatMap((d) =>
          d.action === 'delete'
            ? resourceLines(d, 'deleted outside Terraform')
            : resourceLines({ ...d, action: 'update' }, 'changed outside Terraform'),
        ),
      ),
    );
  }
  return blocks.length === 0 ? undefined : blocks.join('\n\n');
}
