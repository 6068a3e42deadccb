import type { Construct } from 'constructs';
import type { ExternalAccountSettings } from '../../campaign/settings';
import { DIRECTION_LABELS, EXTERNAL_ACCOUNT_TYPE } from '../../campaign/vocabulary';
import { CampaignSetting } from './campaign-setting';

export interface ExternalAccountProps extends ExternalAccountSettings {
  /** The access key ID Campaign signs in with (usually a token resolved at apply). Never the secret. */
  readonly accessKeyId: string;
}

/** One of Campaign's S3 external accounts for shared audiences. */
export class ExternalAccount extends CampaignSetting<'external-account'> {
  constructor(
    scope: Construct,
    id: string,
    readonly props: ExternalAccountProps,
  ) {
    super(scope, id, 'external-account', {
      name: props.name,
      type: EXTERNAL_ACCOUNT_TYPE,
      direction: DIRECTION_LABELS[props.direction],
      receiverServer: props.receiverServer,
      accessKeyId: props.accessKeyId,
      region: props.region,
      keySlot: props.keySlot,
      provisionedBy: props.provisionedBy,
      secretName: props.secretName,
    });
  }
}
