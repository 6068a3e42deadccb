import { Construct } from 'constructs';
import { campaignSettings } from '../campaign/settings';
import { declaredBucketSettings, iamUserName, integrationName } from '../config/adopt';
import type { Environment } from '../config/environment';
import { ADOBE_ACCOUNTS, type AdobeAccount } from '../config/receiver-mode';
import { slug } from '../config/slug';
import { AdobeReceiverSecret } from './adobe-receiver-secret';
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
 * environment. When Adobe provisioned the receiver, there is no bucket or key: a Secrets Manager
 * secret per external account takes their place, declared without a value.
 */
export class CampaignAamIntegration extends Construct {
  /** The stack's receiver bucket; none when Adobe provisioned the receiver. */
  readonly receiver?: ReceiverBucket;
  /** The stack's IAM user and keys; none when Adobe provisioned the receiver. */
  readonly accessKey?: ReceiverAccessKey;
  /** Where the secrets Adobe sent are kept, per account; empty for a stack-owned receiver. */
  readonly adobeSecrets: ReadonlyMap<AdobeAccount, AdobeReceiverSecret>;
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
    let accessKeyId: (direction: AdobeAccount) => string;

    if (receiver.mode === 'adobe-provisioned') {
      this.adobeSecrets = new Map(
        ADOBE_ACCOUNTS.map((direction) => {
          const settings = campaign.externalAccounts[direction];
          const secret = new AdobeReceiverSecret(this, `adobe-secret-${direction}`, {
            name: settings.secretName!,
            accountName: settings.name,
            accessKeyId: receiver[direction].accessKeyId,
            kmsKeyArn: receiver.secretKmsKeyArn,
          });
          return [direction, secret];
        }),
      );
      accessKeyId = (direction) => receiver[direction].accessKeyId;
    } else {
      this.adobeSecrets = new Map();
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
      const activeKey = this.accessKey.keys.get(env.accessKey.activeSlot);
      if (activeKey === undefined)
        throw new Error(`unreachable: active slot ${env.accessKey.activeSlot} was validated`);
      accessKeyId = () => activeKey.id;
    }

    this.trackingDns = new TrackingDns(this, 'tracking-dns', env.dns);

    this.provisioningRequest = new ProvisioningRequest(this, 'provisioning-request', campaign.provisioningRequest);

    const account = (direction: AdobeAccount) =>
      new ExternalAccount(this, `external-account-${direction}`, {
        ...campaign.externalAccounts[direction],
        accessKeyId: accessKeyId(direction),
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
