import type { Construct } from 'constructs';
import { CampaignSetting } from './campaign-setting';

export interface ExternalAccountProps {
  /** Campaign's internal name, `importSharedAudience` or `exportSharedAudience`. */
  readonly name: string;
  /** Which way segments flow through this account. */
  readonly direction: 'import' | 'export';
  /** `<bucket>.s3.amazonaws.com/<path>`, as Campaign's Receiver server field wants it. */
  readonly receiverServer: string;
  /** The access key ID Campaign signs in with (usually a token resolved at apply). Never the secret. */
  readonly accessKeyId: string;
  readonly region: string;
  /** The key slot the account uses, so a rotation shows which key each account is on. */
  readonly keySlot: string;
}

/** One of Campaign's S3 external accounts for shared audiences. */
export class ExternalAccount extends CampaignSetting {
  constructor(
    scope: Construct,
    id: string,
    readonly props: ExternalAccountProps,
  ) {
    super(scope, id, 'external-account', {
      name: props.name,
      type: 'Amazon S3',
      direction: props.direction === 'import' ? 'Audience Manager -> Campaign' : 'Campaign -> Audience Manager',
      receiverServer: props.receiverServer,
      accessKeyId: props.accessKeyId,
      region: props.region,
      keySlot: props.keySlot,
    });
  }
}
