import type { Construct } from 'constructs';
import { CampaignSetting } from './campaign-setting';
import { IDENTITY_LABELS, REQUEST_TYPE, SERVICE_LABELS } from '../../campaign/vocabulary';

export interface ProvisioningRequestProps {
  readonly organizationName: string;
  readonly imsOrgId: string;
  /** The environment label Adobe sees, e.g. "Production". */
  readonly environmentLabel: string;
  readonly service: keyof typeof SERVICE_LABELS;
  readonly identity: keyof typeof IDENTITY_LABELS;
  readonly ownsAudienceManagerLicense: boolean;
  readonly additionalInformation: string;
  /** Where the request is sent, normally Adobe's Digital-Request address. */
  readonly recipient: string;
}

/** The request to Adobe to provision the integration: exactly the fields of Adobe's table. */
export class ProvisioningRequest extends CampaignSetting {
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
