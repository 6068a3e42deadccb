import { DataResource } from 'cdktf';
import { Construct } from 'constructs';
import type { FIELD_LABELS, SettingKind } from '../../campaign/vocabulary';

/**
 * A setting that lives in Adobe Campaign (or with Adobe) rather than in AWS, recorded as a
 * Terraform `terraform_data` resource. Terraform cannot reach Campaign, but recording the declared
 * value in state makes every change a one-line in-place diff in `cdktf plan`, reviewed like any
 * other infrastructure change, and keeps a history of what was declared when.
 *
 * Fields are strings only, so the plan shows `~ field = "old" -> "new"`. Never put a secret here:
 * inputs are stored in state and printed in plans. Only fields with a Campaign label in
 * `FIELD_LABELS` can be recorded, so the review can always name them as Campaign does.
 */
export abstract class CampaignSetting<K extends SettingKind = SettingKind> extends Construct {
  readonly resource: DataResource;
  /** The recorded fields, as they appear in the plan. */
  readonly fields: Readonly<Record<string, string>>;

  protected constructor(
    scope: Construct,
    id: string,
    kind: K,
    // The secret has a Campaign label (the setup sheet names the field) but must never be recorded.
    fields: { readonly [F in Exclude<keyof (typeof FIELD_LABELS)[K], 'secretAccessKey'>]?: string },
  ) {
    super(scope, id);
    this.fields = Object.fromEntries(
      Object.entries<string | undefined>({ kind, ...fields }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    this.resource = new DataResource(this, 'setting', { input: this.fields });
  }
}
