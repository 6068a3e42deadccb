import { campaignChanges, recordedFields } from '../campaign-changes';
import { code, resourceLabel } from '../format';
import type { EnvironmentChanges } from '../model';
import { gone, goneWords, resourcesOf, type RiskRule } from './rule';

/** The key slot the external accounts use after the change, from the recorded external account. */
function activeSlot(env: EnvironmentChanges): string | undefined {
  const slot = env.changes.map((c) => recordedFields(c.after)).find((f) => f?.kind === 'external-account')?.keySlot;
  return typeof slot === 'string' ? slot : undefined;
}

export const accessKeyReplaced: RiskRule = {
  id: 'access-key-replaced',
  title: 'Access key destroyed or replaced',
  why: "The key stops working at apply. A replaced key has a new ID and secret that must be entered in both of Campaign's external accounts; until then, segment exchange fails.",
  check: (env) => {
    const active = activeSlot(env);
    const switching = campaignChanges(env.changes).some((c) => c.fields.some((f) => f.field === 'keySlot'));
    return resourcesOf(env, 'aws_iam_access_key')
      .filter(gone)
      .map((c) => {
        const slot = resourceLabel(c.address).split('/').pop()?.replace(/^key-/, '') ?? c.address;
        const note =
          c.action === 'delete' && active !== undefined && slot !== active
            ? ` (the external accounts ${switching ? 'switch to' : 'use'} slot ${code(active)})`
            : '';
        return { address: c.address, what: `access key of slot ${code(slot)} ${goneWords(c)}${note}` };
      });
  },
};
