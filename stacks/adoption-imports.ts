import type { Environment } from '../config/environment';
import type { CampaignAamIntegration } from '../constructs/campaign-aam-integration';
import { IMPORT_IDS } from './import-ids';

/**
 * Terraform `import` blocks for what the environment's `adopt` section takes over, so the first
 * plan shows imports and in-place updates of the hand-made resources instead of creating them.
 * Once applied, the resources are in state and the blocks change nothing.
 *
 * Only resources a hand-made set-up has are imported: the bucket and the settings it has, the
 * user and the records. The stack's group, policy, attachment, membership and access key are its
 * own and created new: importing an object that does not exist fails the plan.
 */
export function importAdoptedResources(integration: CampaignAamIntegration, env: Environment): void {
  const { receiverBucket, iamUser, trackingRecords } = env.adopt;

  // Adoption of a bucket or user is validated to be absent when Adobe provisioned the receiver.
  if (receiverBucket !== false && integration.receiver !== undefined) {
    const { bucket, bucketName, settings } = integration.receiver;
    bucket.importFrom(IMPORT_IDS.bucket(bucketName));
    const adopted = receiverBucket === true ? [...settings.keys()] : receiverBucket.settings;
    for (const setting of adopted) {
      const resource = settings.get(setting);
      if (resource === undefined) throw new Error(`unreachable: adopted setting ${setting} was validated`);
      resource.importFrom(IMPORT_IDS.bucket(bucketName));
    }
  }

  if (iamUser !== false && integration.accessKey !== undefined) {
    const { user, userName } = integration.accessKey;
    user.importFrom(IMPORT_IDS.iamUser(userName));
  }

  if (trackingRecords !== false) {
    const { recordsByHostname, recordType } = integration.trackingDns;
    for (const [hostname, record] of recordsByHostname) {
      if (trackingRecords === true || trackingRecords.includes(hostname)) {
        record.importFrom(IMPORT_IDS.route53Record(env.dns.hostedZoneId, hostname, recordType));
      }
    }
  }
}
