/**
 * How Adobe's forms and screens spell our config's enum values. Shared by the Campaign settings
 * recorded in state and the handoff documents, so both always say the same thing.
 */
export const SERVICE_LABELS = {
  'audience-manager': 'Adobe Audience Manager',
  'people-core-service': 'People core service',
} as const;

export const IDENTITY_LABELS = {
  'declared-id': 'Declared ID',
  'visitor-id': 'Visitor ID',
} as const;

export const REQUEST_TYPE = 'Configure AAM/People core service-Campaign Integration';

/** Campaign writes S3 receiver servers as `<bucket>.s3.amazonaws.com/<path>`, without the region. */
export function receiverServer(bucketName: string, prefix: string, folder: string): string {
  return `${bucketName}.s3.amazonaws.com/${prefix}${folder}`;
}
