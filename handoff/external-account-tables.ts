import type { CampaignSettings, ExternalAccountSettings } from '../campaign/settings';
import { DIRECTION_LABELS, EXTERNAL_ACCOUNT_TYPE, FIELD_LABELS } from '../campaign/vocabulary';
import { table } from './markdown';

/** What the administrator enters as the key of one account: the cells differ by who issued it. */
export interface AccountKeyCells {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Step 1's two tables, one per external account, in the order of Campaign's screen. */
export function externalAccountTables(
  settings: CampaignSettings,
  keyCells: (account: ExternalAccountSettings) => AccountKeyCells,
): string[] {
  const fields = FIELD_LABELS['external-account'];
  return [settings.externalAccounts.import, settings.externalAccounts.export].map((account) => {
    const key = keyCells(account);
    return [
      `### \`${account.name}\` (${DIRECTION_LABELS[account.direction]})`,
      '',
      table(
        ['Field', 'Value'],
        [
          [fields.type, EXTERNAL_ACCOUNT_TYPE],
          [fields.receiverServer, `\`${account.receiverServer}\``],
          [fields.accessKeyId, key.accessKeyId],
          [fields.secretAccessKey, key.secretAccessKey],
          [fields.region, `\`${account.region}\``],
        ],
      ),
    ].join('\n');
  });
}
