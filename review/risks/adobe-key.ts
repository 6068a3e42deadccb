import { DIRECTION_LABELS, PROVISIONED_BY } from '../../campaign/vocabulary';
import { campaignChanges, recordTitle } from '../campaign-changes';
import { arrow, code } from '../format';
import { secretCommand } from '../../campaign/secret-commands';
import type { RiskRule } from './rule';

/**
 * Adobe's key changes when an external account records a new access key ID that Adobe sent. The
 * secret belongs to the key, so the stored one is wrong from then on; the finding names the secret
 * and the command that stores the new one (a new version), never a value.
 */
export const adobeKeyChanged: RiskRule = {
  id: 'adobe-key-changed',
  title: "Adobe's access key changed",
  why: "The secret stored for the old key no longer matches: until the new secret is stored (a new version of the account's secret) and entered in Campaign, the connection check and Campaign's exchanges fail with the new key ID.",
  check: (env) =>
    campaignChanges(env.changes)
      .filter((c) => c.kind === 'external-account' && c.action === 'update')
      .filter((c) => c.after.provisionedBy === PROVISIONED_BY.adobe && c.before.provisionedBy === PROVISIONED_BY.adobe)
      .flatMap((c) =>
        c.fields
          .filter((f) => f.field === 'accessKeyId')
          .map((f) => {
            const secret = c.after.secretName;
            const account = c.after.direction === DIRECTION_LABELS.export ? 'export' : 'import';
            return {
              address: c.address,
              what: `${recordTitle(c)}: ${f.label} ${arrow(f.before, f.after)}; store its secret after deploy with ${code(secretCommand.set(env.name, account))}${typeof secret === 'string' ? ` (a new version of ${code(secret)})` : ''}`,
            };
          }),
      ),
};
