import type { ResourceChange } from '../model';
import type { Report } from '../report';
import { summaryLine } from './summary';

/** Version of the JSON shape, for pipelines that read it. */
export const JSON_FORMAT = 'campaign-aam-review/1';

const resource = (c: ResourceChange) => ({
  kind: c.kind,
  address: c.address,
  type: c.type,
  action: c.action,
  importing: c.importing,
  attributes: c.attributes,
});

/**
 * The report as data: the same content as the Markdown, never cut. Masked values appear as
 * `"(sensitive)"` and unknown ones as `"(known after apply)"`.
 */
export function renderJson(report: Report): string {
  const data = {
    format: JSON_FORMAT,
    summary: {
      line: summaryLine(report).replace(/^#+\s*/, ''),
      environments: report.environments.length,
      changed: report.environments.filter((e) => e.changed).length,
      risks: report.risks.length,
    },
    mode: report.mode,
    base: report.base,
    head: report.head,
    plans: report.plans,
    problems: report.problems,
    risks: report.risks,
    environments: report.environments.map((e) => ({
      name: e.name,
      presence: e.presence,
      changed: e.changed,
      counts: e.counts,
      risks: e.risks.length,
      campaign: e.campaign.map(({ kind, kindLabel, record, address, action, fields }) => ({
        kind,
        kindLabel,
        record,
        address,
        action,
        fields,
      })),
      adobeChecklist: e.adobe,
      documents: e.documents,
      resources: e.resources.map(resource),
      drift: e.drift.map(resource),
      notes: e.notes,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
