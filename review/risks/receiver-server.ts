import { campaignChanges, recordTitle } from '../campaign-changes';
import { arrow } from '../format';
import type { RiskRule } from './rule';

/** The fields that say where Campaign finds the segment files. */
const LOCATION = new Set(['receiverServer', 'region']);

export const receiverServerChanged: RiskRule = {
  id: 'receiver-server-changed',
  title: 'Receiver server changed',
  why: 'Campaign reads and writes segment files at the old location until an administrator updates the external account, and Audience Manager keeps delivering where Adobe set it up: tell Adobe if its bucket or folder changed.',
  check: (env) =>
    campaignChanges(env.changes)
      .filter((c) => c.kind === 'external-account' && c.action === 'update')
      .flatMap((c) =>
        c.fields
          .filter((f) => LOCATION.has(f.field))
          .map((f) => ({
            address: c.address,
            what: `${recordTitle(c)}: ${f.label} ${arrow(f.before, f.after)}`,
          })),
      ),
};
