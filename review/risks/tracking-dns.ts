import type { ResourceChange } from '../model';
import { arrow, code } from '../format';
import { field, goneWords, resourcesOf, type RiskRule } from './rule';

const recordName = (c: ResourceChange) => {
  const name = field(c.before ?? c.after, 'name');
  const type = field(c.before ?? c.after, 'type');
  return `${typeof name === 'string' ? code(name) : 'record'}${typeof type === 'string' ? ` ${type}` : ''}`;
};

export const trackingDnsChanged: RiskRule = {
  id: 'tracking-dns-changed',
  title: 'Tracking DNS record removed, replaced or retargeted',
  why: "Campaign's tracking links (and the Visitor ID service behind a CNAME) resolve through this record: while it is missing or points elsewhere, clicks in emails already sent break.",
  check: (env) =>
    resourcesOf(env, 'aws_route53_record').flatMap((c) => {
      if (c.action === 'delete' || c.action === 'replace') {
        return [{ address: c.address, what: `${recordName(c)} ${c.action === 'delete' ? 'removed' : goneWords(c)}` }];
      }
      const retargeted = c.attributes.find((a) => a.path === 'records' || a.path.startsWith('alias'));
      return c.action === 'update' && retargeted !== undefined
        ? [{ address: c.address, what: `${recordName(c)} retargeted: ${arrow(retargeted.before, retargeted.after)}` }]
        : [];
    }),
};
