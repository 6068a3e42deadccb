import { DESTINATION_ID_PLACEHOLDERS } from '../../campaign/vocabulary';
import { campaignChanges, recordTitle } from '../campaign-changes';
import { arrow } from '../format';
import type { RiskRule } from './rule';

const PLACEHOLDERS: ReadonlySet<unknown> = new Set(Object.values(DESTINATION_ID_PLACEHOLDERS));

export const aamDestinationChanged: RiskRule = {
  id: 'aam-destination-changed',
  title: 'AAM Destination ID changed or data source removed',
  why: "Segments shared through this data source go to another Audience Manager destination, or stop flowing: check the ID against Adobe's reply before deploying.",
  check: (env) =>
    campaignChanges(env.changes)
      .filter((c) => c.kind === 'shared-data-source')
      .flatMap((c) => {
        const record = recordTitle(c);
        if (c.action === 'delete') return [{ address: c.address, what: `${record} removed` }];
        // A first ID replacing "pending from Adobe" starts the flow; it does not redirect it.
        return c.fields
          .filter((f) => f.field === 'aamDestinationId' && f.before !== undefined && !PLACEHOLDERS.has(f.before))
          .map((f) => ({ address: c.address, what: `${record}: ${f.label} ${arrow(f.before, f.after)}` }));
      }),
};
