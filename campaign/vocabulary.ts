/**
 * Adobe's words, in one place: how Campaign's screens and Adobe's request form name things. The
 * Campaign settings recorded in state, the handoff documents and the pull-request review all read
 * them from here, so a reviewer, an administrator and the plan always say the same thing.
 */

export const SERVICE_LABELS = {
  'audience-manager': 'Adobe Audience Manager',
  'people-core-service': 'People core service',
} as const;

export const IDENTITY_LABELS = {
  'declared-id': 'Declared ID',
  'visitor-id': 'Visitor ID',
} as const;

/** The Request Type of Adobe's provisioning table. */
export const REQUEST_TYPE = 'Configure AAM/People core service-Campaign Integration';

/** Where each setting is entered in Campaign Standard. */
export const SCREENS = {
  externalAccounts: 'Administration > Application settings > External accounts',
  sharedDataSources: 'Administration > Application settings > Shared Data Sources',
} as const;

/** Who provisioned an external account's S3 location and key, as the review and the sheet say it. */
export const PROVISIONED_BY = { adobe: 'Adobe', stack: 'this stack' } as const;

/** The S3 external account type. */
export const EXTERNAL_ACCOUNT_TYPE = 'Amazon S3';

/** Which way segments flow through each external account. */
export const DIRECTION_LABELS = {
  import: 'Audience Manager -> Campaign',
  export: 'Campaign -> Audience Manager',
} as const;

/** The data source that exists out of the box in Campaign, and is edited rather than created. */
export const VISITOR_ID_DATA_SOURCE_LABEL = 'Recipient - Visitor ID (Defaultdatasources)';

/** The reconciliation criterion of the built-in Visitor ID data source. */
export const VISITOR_ID_RECONCILIATION = 'Visitor ID';

/**
 * The label of each field on Campaign's screens (and Adobe's request form), keyed by the name under
 * which the setting is recorded in Terraform state. The review turns a recorded change back into
 * the field an administrator sees.
 */
export const FIELD_LABELS = {
  'external-account': {
    name: 'Name',
    type: 'Type',
    direction: 'Direction',
    receiverServer: 'Receiver server',
    accessKeyId: 'AWS Access Key ID',
    /** Never recorded: the secret is entered by hand from the deploy outputs. */
    secretAccessKey: 'Secret Access Key',
    region: 'AWS Region',
    keySlot: 'Key slot',
    provisionedBy: 'Provisioned by',
    secretName: 'Secret Access Key kept in',
  },
  'shared-data-source': {
    label: 'Label',
    alias: 'Data Source/Alias',
    aamDestinationId: 'AAM Destination ID',
    reconciliation: 'Reconciliation process',
    servesTriggers: 'Serves Campaign-Triggers',
    priority: 'Priority',
    action: 'Action',
  },
  'provisioning-request': {
    requestType: 'Request Type',
    organizationName: 'Organization Name',
    imsOrgId: 'IMS Org ID',
    environment: 'Environment',
    service: 'AAM or People Service',
    ownsAudienceManagerLicense: 'Owns an Audience Manager license',
    identity: 'Declared ID or Visitor ID',
    additionalInformation: 'Additional Information',
    recipient: 'Recipient',
  },
  'visitor-id-service': {
    imsOrgId: 'IMS Org ID',
    trackingServer: 'trackingServer',
    trackingServerSecure: 'trackingServerSecure',
    marketingCloudServer: 'marketingCloudServer',
    marketingCloudServerSecure: 'marketingCloudServerSecure',
  },
} as const;

/** What each kind of recorded Campaign setting is called, for people. */
export const SETTING_KIND_LABELS = {
  'external-account': 'External account',
  'shared-data-source': 'Shared data source',
  'provisioning-request': 'Provisioning request',
  'visitor-id-service': 'Visitor ID service',
} as const;

export type SettingKind = keyof typeof FIELD_LABELS;

/** The host part of Campaign's S3 receiver servers, after the bucket name (the region has its own field). */
export const RECEIVER_SERVER_HOST = '.s3.amazonaws.com';

/** Campaign writes S3 receiver servers as `<bucket>.s3.amazonaws.com/<path>`, without the region. */
export function receiverServer(bucketName: string, prefix: string, folder: string): string {
  return `${bucketName}${RECEIVER_SERVER_HOST}/${prefix}${folder}`;
}

/**
 * The bucket and folder a receiver server names (`adobe-bucket.s3.amazonaws.com/aam/import` →
 * `adobe-bucket`, `aam/import/`), or undefined when it is not in Campaign's form.
 */
export function splitReceiverServer(server: string): { bucket: string; folder: string } | undefined {
  const slash = server.indexOf('/');
  if (slash < 0 || !server.slice(0, slash).endsWith(RECEIVER_SERVER_HOST)) return undefined;
  const bucket = server.slice(0, slash - RECEIVER_SERVER_HOST.length);
  const path = server.slice(slash + 1).replace(/\/$/, '');
  return bucket === '' || path === '' ? undefined : { bucket, folder: `${path}/` };
}

/** What the AAM Destination ID field holds before Adobe has sent it, or when Triggers needs none. */
export const DESTINATION_ID_PLACEHOLDERS = {
  pending: 'pending from Adobe',
  triggers: 'not required (Triggers)',
} as const;

/** Where a declared ID's integration code lives: Audience Manager's data source, not a Campaign screen. */
export const INTEGRATION_CODE_LABEL = 'Integration code (in Audience Manager)';

/** Whether a data source is edited (the built-in one) or created. */
export const DATA_SOURCE_ACTIONS = { builtIn: 'edit existing', created: 'create' } as const;

/** The recorded field that names each record as Campaign lists it; the others exist once per environment. */
export const RECORD_NAME_FIELDS: Readonly<Partial<Record<SettingKind, string>>> = {
  'external-account': 'name',
  'shared-data-source': 'label',
};

/** The call that configures the Visitor ID (Experience Cloud ID) service on a web page. */
export const VISITOR_ID_CALL = 'Visitor.getInstance';

/** Where an administrator changes each kind of setting by hand: Campaign has no public API for them. */
export const SETTING_PLACES: Readonly<Record<SettingKind, string>> = {
  'external-account': SCREENS.externalAccounts,
  'shared-data-source': SCREENS.sharedDataSources,
  'provisioning-request': 'the provisioning request to Adobe',
  'visitor-id-service': `the Visitor ID service call (\`${VISITOR_ID_CALL}\`) on every page of the web properties`,
};

/**
 * The fields of the provisioning request that Adobe acts on: changing one means sending Adobe a
 * new request. (Additional Information and the recipient do not change what Adobe provisions.)
 */
export const REQUEST_FIELDS_ADOBE_PROVISIONS: readonly (keyof (typeof FIELD_LABELS)['provisioning-request'])[] = [
  'requestType',
  'organizationName',
  'imsOrgId',
  'environment',
  'service',
  'ownsAudienceManagerLicense',
  'identity',
];

/** What Campaign's external account screen calls its connection check. */
export const TEST_CONNECTION = 'Test connection';

/** The kinds of setting in the order an administrator sets them up (the setup sheet's order). */
export const SETTING_KINDS_IN_SETUP_ORDER: readonly SettingKind[] = [
  'provisioning-request',
  'external-account',
  'shared-data-source',
  'visitor-id-service',
];

/**
 * Recorded fields that are not inputs on Campaign's screens: they describe the record (its
 * direction, the key slot behind the access key, whether it serves Triggers, whether it is edited
 * or created), so checklists never ask an administrator to type them.
 */
export const NOT_ON_SCREEN: ReadonlySet<string> = new Set([
  'direction',
  'keySlot',
  'provisionedBy',
  'secretName',
  'servesTriggers',
  'action',
]);
