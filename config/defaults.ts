/**
 * Every default of the environment file, in one place. The schema reads from here, and the field
 * reference (docs/environment-files.md) quotes these values.
 */
export const DEFAULTS = {
  request: {
    recipient: 'Digital-Request@adobe.com',
    additionalInformation: '',
  },
  aws: {
    tags: {} as Record<string, string>,
  },
  receiver: {
    prefix: 'campaign-aam/',
    segmentRetentionDays: 30,
    noncurrentVersionRetentionDays: 30,
    abortIncompleteMultipartUploadDays: 7,
    versioning: true,
    forceDestroy: false,
  },
  accessKey: {
    slots: ['blue'] as string[],
    activeSlot: 'blue',
  },
  dns: {
    ttl: 300,
  },
  campaign: {
    importAccount: { name: 'importSharedAudience', folder: 'import' },
    exportAccount: { name: 'exportSharedAudience', folder: 'export' },
    visitorIdDataSource: {
      alias: 'Adobe Campaign',
    },
    /** Adobe's documented integration code for declared IDs sent with `setCustomerIDs`. */
    declaredIdDataSource: {
      integrationCode: 'AdobeCampaignID',
    },
  },
  backend: {
    s3: { encrypt: true, useLockfile: true },
  },
  adopt: { receiverBucket: false, iamUser: false, trackingRecords: false },
} as const;

/**
 * Tags the stack adds to every resource. `aws.tags` may not redefine them: IAM compares tag keys
 * ignoring case, and `Environment` must keep naming the file the resource came from.
 */
export function managedTags(environmentName: string): Record<string, string> {
  return { Environment: environmentName, ManagedBy: 'cdktf', Integration: 'adobe-campaign-audience-manager' };
}

/** AWS allows 50 tags per S3 bucket and IAM user; the default tags take their share. */
export const MAX_TAGS_PER_RESOURCE = 50;

/** Where a local backend keeps an environment's state when `backend.path` is not set, relative to the project. */
export const defaultLocalStatePath = (environmentName: string) => `terraform.${environmentName}.tfstate`;
