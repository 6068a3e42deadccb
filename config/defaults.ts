/**
 * Every default of the environment file, in one place. The schema reads from here, and the README's
 * field reference quotes these values.
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
  },
  backend: {
    s3: { encrypt: true, useLockfile: true },
  },
  adopt: { receiverBucket: false, iamUser: false, trackingRecords: false },
} as const;
