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
 * Props of `CampaignAamIntegration`: one validated environment, as `parseEnvironmentConfig` returns
 * it (the CLI reads the same from `environments/<name>.json`). Validation happens there, once, with
 * every default filled in; the construct trusts it. The fields, their defaults and the rules that
 * tie them together are the environment file's (docs/library.md, and the field reference). What
 * the construct reads:
 * - `name`: the IAM user, group and policy are named `campaign-aam-<name>` (the user keeps its
 *   own name when `adopt.iamUser` names one), so two instances in one AWS account need two names;
 * - `receiver`: the bucket (`bucketName` is global to AWS: one per instance), its prefix, lifecycle
 *   days, versioning, KMS key and access logs;
 * - `accessKey`: the key slots (`activeSlot` one of `slots`) and the optional PGP key;
 * - `dns`: the tracking server's records in `hostedZoneId`;
 * - `request`, `organization`, `environment`, `campaign`: the Campaign side;
 * - `aws.region` (Campaign's external accounts name it) and `aws.endpoint` (an emulator gets no
 *   EventBridge notifications).
 * Not read: `aws.accountId`, `aws.tags` and `backend`, which belong to the provider and the stack
 * your app configures (`defaultTags(env)` gives the tags the CLI's provider applies).
 */
export type CampaignAamIntegrationProps = Environment;

/**
 * The whole integration for one environment: the AWS side (bucket, key, DNS) and the Campaign side
 * (request, external accounts, data sources, Visitor ID service) wired together from one validated
 * environment. Every resource's address derives from the construct's own path, so two instances
 * (with two environments) sit in one stack, and one instance in each of several stacks, without
 * colliding. It declares no provider, backend or outputs: the stack around it does.
 */
export class CampaignAamIntegration extends Construct {
  /** The S3 bucket segment files are exchanged through, with its settings. */
  readonly receiver: ReceiverBucket;
  /** The IAM user, group, policy and access keys Campaign signs in with. */
  readonly accessKey: ReceiverAccessKey;
  /** The tracking server's DNS records. */
  readonly trackingDns: TrackingDns;
  /** The request to Adobe, recorded as a Campaign setting. */
  readonly provisioningRequest: ProvisioningRequest;
  /** Campaign's import external account, signed in with the active slot's key. */
  readonly importAccount: ExternalAccount;
  /** Campaign's export external account, signed in with the active slot's key. */
  readonly exportAccount: ExternalAccount;
  /** Campaign's shared data sources, in the environment's order. */
  readonly dataSources: SharedDataSource[];
  /**
   * The Visitor ID service settings.
   * @default - none, when the environment has no `campaign.visitorIdService`
   */
  readonly visitorIdService?: VisitorIdService;

  constructor(scope: Construct, id: string, env: CampaignAamIntegrationProps) {
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
