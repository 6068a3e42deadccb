import { Construct } from 'constructs';
import { campaignSettings } from '../campaign/settings';
import { declaredBucketSettings, iamUserName, integrationName } from '../config/adopt';
import type { Environment } from '../config/environment';
import { slug } from '../config/slug';
import { ExternalAccount } from './campaign/external-account';
import { ProvisioningRequest } from './campaign/provisioning-request';
import { SharedDataSource } from './campaign/shared-data-source';
import { VisitorIdService } from './campaign/visitor-id-service';
import { ReceiverAccessKey } from './receiver-access-key';
import { ReceiverBucket } from './receiver-bucket';
import { TrackingDns } from './tracking-dns';

/**
 * The whole integration for one environment: the AWS side (bucket, key, DNS) and the Campaign side
 * (request, external accounts, data sources, Visitor ID service) wired together from one validated
 * environment.
 */
export class CampaignAamIntegration extends Construct {
  readonly receiver: ReceiverBucket;
  readonly accessKey: ReceiverAccessKey;
  readonly trackingDns: TrackingDns;
  readonly provisioningRequest: ProvisioningRequest;
  readonly importAccount: ExternalAccount;
  readonly exportAccount: ExternalAccount;
  readonly dataSources: SharedDataSource[];
  readonly visitorIdService?: VisitorIdService;

  constructor(scope: Construct, id: string, env: Environment) {
    super(scope, id);
    const { receiver } = env;
    const campaign = campaignSettings(env);

    this.receiver = new ReceiverBucket(this, 'receiver', {
      ...receiver,
      eventBridgeNotifications: declaredBucketSettings(env).includes('notifications'),
    });

    this.accessKey = new ReceiverAccessKey(this, 'access-key', {
      name: integrationName(env.name),
      userName: iamUserName(env),
      bucketName: receiver.bucketName,
      prefix: receiver.prefix,
      slots: env.accessKey.slots,
      kmsKeyArn: receiver.kmsKeyArn,
      pgpPublicKey: env.accessKey.pgpPublicKey,
    });

    this.trackingDns = new TrackingDns(this, 'tracking-dns', env.dns);

    this.provisioningRequest = new ProvisioningRequest(this, 'provisioning-request', campaign.provisioningRequest);

    const activeKey = this.accessKey.keys.get(env.accessKey.activeSlot);
    if (activeKey === undefined) throw new Error(`unreachable: active slot ${env.accessKey.activeSlot} was validated`);
    const account = (direction: 'import' | 'export') =>
      new ExternalAccount(this, `external-account-${direction}`, {
        ...campaign.externalAccounts[direction],
        accessKeyId: activeKey.id,
      });
    this.importAccount = account('import');
    this.exportAccount = account('export');

    // IDs come from the label, so reordering data sources in the file changes nothing in the plan.
    this.dataSources = campaign.dataSources.map(
      (source) =>
        new SharedDataSource(
          this,
          source.builtIn ? 'data-source-visitor-id' : `data-source-${slug(source.label)}`,
          source,
        ),
    );

    if (campaign.visitorIdService !== undefined) {
      this.visitorIdService = new VisitorIdService(this, 'visitor-id-service', campaign.visitorIdService);
    }
  }
}
