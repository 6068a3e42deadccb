import { campaignChanges, recordTitle } from '../campaign-changes';
import { arrow } from '../format';
import type { RiskRule } from './rule';

export const activeSlotChanged: RiskRule = {
  id: 'active-slot-changed',
  title: 'Active key slot changed',
  why: 'Campaign keeps signing in with the old key until an administrator enters the new one in both external accounts; retiring the old slot before that breaks segment exchange.',
  check: (env) =>
    campaignChanges(env.changes)
      .filter((c) => c.kind === 'external-account' && c.action === 'update')
      .flatMap((c) =>
        c.fields
          // A slot appearing or going with a switch of receiver mode is that switch's finding.
          .filter((f) => f.field === 'keySlot' && f.before !== undefined && f.after !== undefined)
          .map((f) => ({
            address: c.address,
            what: `${recordTitle(c)}: ${f.label} ${arrow(f.before, f.after)}`,
          })),
      ),
};
