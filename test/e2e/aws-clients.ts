import { IAMClient } from '@aws-sdk/client-iam';
import { DeleteObjectCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  type Credentials,
  emulatorClientConfig,
  emulatorRoute53,
  emulatorS3,
  EMULATOR_ADMIN,
} from '../../emulator/aws';

export { createHostedZone, withBucketPolicySetAside, type Credentials } from '../../emulator/aws';

/** SDK v3 clients pointed at the emulator. */
export function clients(endpoint: string, credentials: Credentials = EMULATOR_ADMIN, region = 'us-east-1') {
  return {
    s3: emulatorS3(endpoint, credentials, region),
    iam: new IAMClient(emulatorClientConfig(endpoint, credentials, region)),
    route53: emulatorRoute53(endpoint),
  };
}

/**
 * Deletes every object version and delete marker, one by one, until none is left (as an operator
 * does before destroying a bucket without force-destroy). Returns how many were deleted.
 */
export async function emptyVersionedBucket(s3: S3Client, bucket: string): Promise<number> {
  let deleted = 0;
  for (let round = 0; round < 10; round++) {
    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    const versions = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])];
    if (versions.length === 0) return deleted;
    for (const v of versions) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: v.Key!, VersionId: v.VersionId! }));
      deleted++;
    }
  }
  throw new Error(`${bucket} still holds object versions after 10 rounds of deletion`);
}
