import type { Construct } from 'constructs';
import type { ProvisioningRequestSettings } from '../../campaign/settings';
import { IDENTITY_LABELS, REQUEST_TYPE, SERVICE_LABELS } from '../../campaign/vocabulary';
import { CampaignSetting } from './campaign-setting';

export type ProvisioningRequestProps = ProvisioningRequestSettings;

/** The request to Adobe to provision the integration: exactly the fields of Adobe's table. */
export class ProvisioningRequest extends CampaignSetting<'provisioning-request'> {
  constructor(scope: Construct, id: string, props: ProvisioningRequestProps) {
    super(scope, id, 'provisioning-request', {
      requestType: REQUEST_TYPE,
      organizationName: props.organizationName,
      imsOrgId: props.imsOrgId,
      environment: props.environmentLabel,
      service: SERVICE_LABELS[props.service],
      ownsAudienceManagerLicense: props.ownsAudienceManagerLicense ? 'yes' : 'no',
      identity: IDENTITY_LABELS[props.identity],
      additionalInformation: props.additionalInformation,
      recipient: props.recipient,
    });
  }
}
