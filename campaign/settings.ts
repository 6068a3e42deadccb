import type { Environment } from '../config/environment';
import { adobeSecretName } from '../config/receiver-mode';
import { PROVISIONED_BY, receiverServer, VISITOR_ID_DATA_SOURCE_LABEL, VISITOR_ID_RECONCILIATION } from './vocabulary';

/** The request to Adobe to provision the integration: exactly the fields of Adobe's table. */
export interface ProvisioningRequestSettings {
  readonly organizationName: string;
  readonly imsOrgId: string;
  /** The environment label Adobe sees, e.g. "Production". */
  readonly environmentLabel: string;
  readonly service: Environment['request']['service'];
  readonly identity: Environment['request']['identity'];
  readonly ownsAudienceManagerLicense: boolean;
  readonly additionalInformation: string;
  /** Where the request is sent, normally Adobe's Digital-Request address. */
  readonly recipient: string;
}

/** One of Campaign's two S3 external accounts for shared audiences. */
export interface ExternalAccountSettings {
  /** Campaign's internal name, `importSharedAudience` or `exportSharedAudience` by default. */
  readonly name: string;
  /** Which way segments flow through this account. */
  readonly direction: 'import' | 'export';
  /** `<bucket>.s3.amazonaws.com/<path>`, as Campaign's Receiver server field wants it. */
  readonly receiverServer: string;
  readonly region: string;
  /** Who provisioned the S3 location and key: Adobe, or this stack. */
  readonly provisionedBy: (typeof PROVISIONED_BY)[keyof typeof PROVISIONED_BY];
  /**
   * The key slot the account signs in with; its access key ID is known only after deploy.
   * @default - none: Adobe issued the key
   */
  readonly keySlot?: string;
  /**
   * The access key ID Adobe sent.
   * @default - none: the stack issues the key, whose ID is known only after deploy
   */
  readonly accessKeyId?: string;
  /**
   * The Secrets Manager secret that holds Adobe's secret access key for this account (the name; never the value).
   * @default - none: the stack's key has its secret in the deploy outputs
   */
  readonly secretName?: string;
}

/** A shared data source in Campaign. */
export interface DataSourceSettings {
  /** The data source's label in Campaign. */
  readonly label: string;
  /** The Data Source/Alias, i.e. which Audience Manager data source it maps to. */
  readonly alias: string;
  /**
   * The AAM Destination ID Adobe provides.
   * @default - pending: Adobe has not sent it yet
   */
  readonly aamDestinationId?: string;
  /** The reconciliation criterion, e.g. `Visitor ID` or the Campaign field for a declared ID. */
  readonly reconciliation: string;
  /** Whether the data source serves the Campaign-Triggers integration. */
  readonly servesTriggers: boolean;
  /**
   * Reconciliation priority; only meaningful for Triggers (higher wins).
   * @default - none
   */
  readonly priority?: number;
  /** True for Recipient - Visitor ID, which exists out of the box and is edited, not created. */
  readonly builtIn: boolean;
  /**
   * The Audience Manager integration code the web pages send this declared ID under. Set up in
   * Audience Manager, not in Campaign, so it is not recorded as a Campaign setting.
   * @default - none (the built-in Visitor ID data source)
   */
  readonly integrationCode?: string;
}

/** The Visitor ID (ECID) service configuration the web properties must carry. */
export interface VisitorIdServiceSettings {
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

/**
 * Everything a Campaign administrator (and Adobe) must set up for one environment, in Campaign's
 * terms. The constructs record it in state, the handoff documents render it, and the review
 * describes changes to it.
 */
export interface CampaignSettings {
  readonly provisioningRequest: ProvisioningRequestSettings;
  readonly externalAccounts: { readonly import: ExternalAccountSettings; readonly export: ExternalAccountSettings };
  readonly dataSources: readonly DataSourceSettings[];
  readonly visitorIdService?: VisitorIdServiceSettings;
}

export function campaignSettings(env: Environment): CampaignSettings {
  const { campaign, receiver } = env;
  const account = (direction: 'import' | 'export'): ExternalAccountSettings => {
    const name = campaign.externalAccounts[direction].name;
    if (receiver.mode === 'adobe-provisioned') {
      const sent = receiver[direction];
      return {
        name,
        direction,
        receiverServer: sent.receiverServer,
        region: sent.region,
        provisionedBy: PROVISIONED_BY.adobe,
        accessKeyId: sent.accessKeyId,
        secretName: adobeSecretName(env.name, direction),
      };
    }
    const { bucketName, prefix } = receiver;
    return {
      name,
      direction,
      receiverServer: receiverServer(bucketName, prefix, campaign.externalAccounts[direction].folder),
      region: env.aws.region,
      provisionedBy: PROVISIONED_BY.stack,
      keySlot: env.accessKey.activeSlot,
    };
  };
  return {
    provisioningRequest: {
      organizationName: env.organization.name,
      imsOrgId: env.organization.imsOrgId,
      environmentLabel: env.environment.label,
      service: env.request.service,
      identity: env.request.identity,
      ownsAudienceManagerLicense: env.request.ownsAudienceManagerLicense,
      additionalInformation: env.request.additionalInformation,
      recipient: env.request.recipient,
    },
    externalAccounts: { import: account('import'), export: account('export') },
    dataSources: campaign.dataSources.map((source) => ({
      label: source.type === 'visitor-id' ? VISITOR_ID_DATA_SOURCE_LABEL : source.label,
      alias: source.alias,
      aamDestinationId: source.aamDestinationId,
      reconciliation: source.type === 'visitor-id' ? VISITOR_ID_RECONCILIATION : source.reconciliationKey,
      servesTriggers: source.servesTriggers,
      priority: source.priority,
      builtIn: source.type === 'visitor-id',
      integrationCode: source.type === 'declared-id' ? source.integrationCode : undefined,
    })),
    visitorIdService:
      campaign.visitorIdService === undefined
        ? undefined
        : { imsOrgId: env.organization.imsOrgId, ...campaign.visitorIdService },
  };
}
