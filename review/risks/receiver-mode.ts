import { FIELD_LABELS, PROVISIONED_BY } from '../../campaign/vocabulary';
import { campaignChanges, recordTitle } from '../campaign-changes';
import { arrow, count } from '../format';
import type { EnvironmentChanges } from '../model';
import type { RiskRule } from './rule';

/** The resources of each receiver mode: the stack's bucket and key, or the places for Adobe's secrets. */
const RECEIVER_TYPES = (type: string) =>
  type.startsWith('aws_s3_') || type.startsWith('aws_iam_') || type === 'aws_secretsmanager_secret';

/** `2 created (aws_secretsmanager_secret), 11 destroyed (aws_iam_user, aws_s3_bucket, ...)`. */
function createdAndDestroyed(env: EnvironmentChanges): string {
  const changed = env.changes.filter(
    (c) => c.kind === 'resource' && RECEIVER_TYPES(c.type) && (c.action === 'create' || c.action === 'delete'),
  );
  const part = (action: 'create' | 'delete', word: string) => {
    const these = changed.filter((c) => c.action === action);
    const types = [...new Set(these.map((c) => c.type))].sort();
    return these.length === 0 ? [] : [`${count(these.length, 'resource')} ${word} (${types.join(', ')})`];
  };
  return [...part('create', 'created'), ...part('delete', 'destroyed')].join(', ');
}

/**
 * The environment switches who provisions its receiver: the external account's recorded
 * `provisionedBy` changes. The finding says what the plan creates and destroys for it, and which
 * Campaign fields must be entered again.
 */
export const receiverModeSwitched: RiskRule = {
  id: 'receiver-mode-switched',
  title: 'Receiver switches between the stack and Adobe',
  why: "Campaign's external accounts keep the old location and key until an administrator enters the new ones; switching to Adobe's receiver destroys the stack's bucket (with its files) and key, switching back creates new ones, and Adobe must be told either way.",
  check: (env) => {
    const fields = FIELD_LABELS['external-account'];
    const reenter = [fields.receiverServer, fields.accessKeyId, fields.secretAccessKey, fields.region].join(', ');
    return campaignChanges(env.changes)
      .filter((c) => c.kind === 'external-account' && c.action === 'update')
      .flatMap((c) =>
        c.fields
          .filter((f) => f.field === 'provisionedBy')
          .map((f) => {
            const resources = createdAndDestroyed(env);
            const toAdobe = f.after === PROVISIONED_BY.adobe;
            return {
              address: c.address,
              what: `${recordTitle(c)}: ${f.label} ${arrow(f.before, f.after)}; enter ${reenter} again${toAdobe ? " from Adobe's reply" : ' from the deploy outputs'}${resources === '' ? '' : `; the plan: ${resources}`}`,
            };
          }),
      );
  },
};
