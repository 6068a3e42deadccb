import { arrow, code } from '../format';
import type { RiskRule } from './rule';

/** How many changed attributes a drift finding names before summing up the rest. */
const SHOWN = 3;

export const driftFound: RiskRule = {
  id: 'drift',
  title: 'Drift: changed outside Terraform',
  why: 'Someone changed this outside Terraform. The deploy puts the declared value back (or recreates what was deleted): find out who changed it and why before you apply.',
  check: (env) =>
    env.drift.map((c) => {
      if (c.action === 'delete' || c.after === undefined || c.after === null) {
        return { address: c.address, what: 'deleted outside Terraform' };
      }
      const shown = c.attributes.slice(0, SHOWN).map((a) => `${code(a.path)} ${arrow(a.before, a.after)}`);
      const more = c.attributes.length > SHOWN ? `; ${c.attributes.length - SHOWN} more` : '';
      return { address: c.address, what: `changed outside Terraform: ${shown.join('; ')}${more}` };
    }),
};
