import { arrow, code } from '../format';
import type { RiskRule } from './rule';

/** Provider arguments that decide which account and region Terraform acts in. */
const TARGET = new Set(['allowed_account_ids', 'forbidden_account_ids', 'region', 'assume_role', 'profile']);

export const accountGuardChanged: RiskRule = {
  id: 'account-guard-changed',
  title: "Provider's account guard or region changed",
  why: 'The account guard is what stops this environment from being deployed into the wrong AWS account; a new region makes Terraform look for (and create) every resource there.',
  check: (env) =>
    env.changes
      .filter((c) => c.type === 'provider' && c.before !== undefined && c.action !== 'no-op')
      .flatMap((c) => {
        const changed = c.attributes.filter((a) => TARGET.has(a.path.split(/[.[]/)[0]));
        return changed.length === 0
          ? []
          : [
              {
                address: c.address,
                what: changed.map((a) => `${code(a.path)} ${arrow(a.before, a.after)}`).join('; '),
              },
            ];
      }),
};
