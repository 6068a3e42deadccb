import {
  FIELD_LABELS,
  RECORD_NAME_FIELDS,
  SETTING_KIND_LABELS,
  SETTING_KINDS_IN_SETUP_ORDER,
  type SettingKind,
} from '../campaign/vocabulary';
import { plain } from './format';
import { Hidden, type ResourceChange, type Value } from './model';
import { sameValue } from './values';

/** A recorded field's value: text, or `Hidden.unknown` when it is set at deploy (an access key ID). */
export type FieldValue = string | Hidden;

export interface CampaignFieldChange {
  /** The recorded name, e.g. `aamDestinationId`. */
  readonly field: string;
  /** Campaign's label, e.g. `AAM Destination ID`. */
  readonly label: string;
  readonly before?: FieldValue;
  readonly after?: FieldValue;
}

/** A change to one Campaign record (an external account, a shared data source...), in Campaign's words. */
export interface CampaignChange {
  readonly kind: SettingKind;
  /** `External account`, `Shared data source`... */
  readonly kindLabel: string;
  /** The record's name in Campaign (`importSharedAudience`, `Globex CRM ID`), if it has one. */
  readonly record?: string;
  /** The `terraform_data` resource that records it. */
  readonly address: string;
  readonly action: 'create' | 'update' | 'delete';
  /** Changed fields for an update; every field for a create; none for a delete. */
  readonly fields: readonly CampaignFieldChange[];
  /** Every recorded field before and after, for checklist steps that need more than what changed. */
  readonly before: Readonly<Record<string, FieldValue>>;
  readonly after: Readonly<Record<string, FieldValue>>;
}

/** Fields that only say what the record is; they never change for a given record. */
const DESCRIPTIVE = new Set(['kind', 'type', 'direction']);

const isKind = (kind: unknown): kind is SettingKind => typeof kind === 'string' && kind in FIELD_LABELS;

/** The fields a Campaign record holds in a `terraform_data` value, if it is one. */
export function recordedFields(value: Value | undefined): Record<string, FieldValue> | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Hidden || Array.isArray(value)) return undefined;
  const input = value.input;
  if (typeof input !== 'object' || input === null || input instanceof Hidden || Array.isArray(input)) return undefined;
  return Object.fromEntries(
    Object.entries(input).map(([key, v]): [string, FieldValue] => [
      key,
      // A Terraform reference (revision mode) is a value only known at deploy, like an unknown in a plan.
      v instanceof Hidden ? v : typeof v === 'string' && !v.includes('${') ? v : Hidden.unknownFrom(JSON.stringify(v)),
    ]),
  );
}

/** The kind of Campaign record a change is about, if it is one (a `terraform_data` with a known `kind`). */
export function recordKind(change: ResourceChange): SettingKind | undefined {
  if (change.type !== 'terraform_data') return undefined;
  const kind = (recordedFields(change.after) ?? recordedFields(change.before))?.kind;
  return isKind(kind) ? kind : undefined;
}

function labelOf(kind: SettingKind, field: string): string {
  return (FIELD_LABELS[kind] as Record<string, string>)[field] ?? field;
}

/** One change to a Campaign record, or `undefined` if the resource is not a Campaign record or does not change. */
export function campaignChange(change: ResourceChange): CampaignChange | undefined {
  const kind = recordKind(change);
  if (kind === undefined || change.action === 'no-op' || change.action === 'read') return undefined;
  const before = recordedFields(change.before) ?? {};
  const after = recordedFields(change.after) ?? {};
  const action =
    change.action === 'delete' || change.action === 'forget'
      ? 'delete'
      : change.action === 'create' || change.action === 'import'
        ? 'create'
        : 'update';
  const fields = Object.keys(FIELD_LABELS[kind])
    .filter((field) => !DESCRIPTIVE.has(field) && (field in before || field in after))
    .filter((field) => action === 'create' || (action === 'update' && !sameValue(before[field], after[field])))
    .map((field) => ({ field, label: labelOf(kind, field), before: before[field], after: after[field] }));
  if (action === 'update' && fields.length === 0) return undefined;
  const nameField = RECORD_NAME_FIELDS[kind];
  const name = nameField === undefined ? undefined : (after[nameField] ?? before[nameField]);
  return {
    kind,
    kindLabel: SETTING_KIND_LABELS[kind],
    record: typeof name === 'string' ? name : undefined,
    address: change.address,
    action,
    fields,
    before,
    after,
  };
}

/** `Shared data source *Globex CRM ID*`, or `Provisioning request` for a record without a name. */
export const recordTitle = (c: CampaignChange) =>
  c.record === undefined ? c.kindLabel : `${c.kindLabel} *${plain(c.record)}*`;

/** Every Campaign record that changes in an environment, in the order of Campaign's set-up steps. */
export function campaignChanges(changes: readonly ResourceChange[]): CampaignChange[] {
  return changes
    .map(campaignChange)
    .filter((c): c is CampaignChange => c !== undefined)
    .sort((a, b) => SETTING_KINDS_IN_SETUP_ORDER.indexOf(a.kind) - SETTING_KINDS_IN_SETUP_ORDER.indexOf(b.kind));
}
