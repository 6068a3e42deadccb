import type { Construct } from 'constructs';
import type { VisitorIdServiceSettings } from '../../campaign/settings';
import { CampaignSetting } from './campaign-setting';

export type VisitorIdServiceProps = VisitorIdServiceSettings;

/** The Visitor ID (ECID) service configuration the web properties must carry. */
export class VisitorIdService extends CampaignSetting<'visitor-id-service'> {
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
