import type { Construct } from 'constructs';
import { CampaignSetting } from './campaign-setting';

export interface VisitorIdServiceProps {
  readonly imsOrgId: string;
  readonly trackingServer: string;
  readonly trackingServerSecure: string;
  /**
   * Only when a CNAME is used for the Experience Cloud ID service.
   * @default - none
   */
  readonly marketingCloudServer?: string;
  /** @default - none */
  readonly marketingCloudServerSecure?: string;
}

/** The Visitor ID (ECID) service configuration the web properties must carry. */
export class VisitorIdService extends CampaignSetting {
  constructor(scope: Construct, id: string, props: VisitorIdServiceProps) {
    super(scope, id, 'visitor-id-service', {
      imsOrgId: props.imsOrgId,
      trackingServer: props.trackingServer,
      trackingServerSecure: props.trackingServerSecure,
      marketingCloudServer: props.marketingCloudServer,
      marketingCloudServerSecure: props.marketingCloudServerSecure,
    });
  }
}
