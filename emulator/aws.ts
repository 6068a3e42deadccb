import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  ListObjectVersionsCommand,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { type AwsCredentials as Credentials, sdkClientConfig } from '../runtime/aws-clients';
import { EMULATOR_CREDENTIALS } from '../runtime/emulator-environment';

export type { Credentials };

/** Settings for an AWS SDK v3 client pointed at the emulator; one attempt, so a failure shows at once. */
export function emulatorClientConfig(
  endpoint: string,
  credentials: Credentials = EMULATOR_CREDENTIALS,
  region = 'us-east-1',
) {
  return { ...sdkClientConfig({ aws: { region, endpoint } }, region, credentials), maxAttempts: 1 };
}

export const emulatorS3 = (endpoint: string, credentials?: Credentials, region?: string) =>
  new S3Client({ ...emulatorClientConfig(endpoint, credentials, region), forcePathStyle: true });

export const emulatorRoute53 = (endpoint: string) => new Route53Client(emulatorClientConfig(endpoint));

/** Creates a Route53 hosted zone in the emulator and returns its ID as environment files take it. */
export async function createHostedZone(route53: Route53Client, name: string): Promise<string> {
  const zone = await route53.send(new CreateHostedZoneCommand({ Name: name, CallerReference: name }));
  return zone.HostedZone!.Id!.replace('/hostedzone/', '');
}

/** Creates a bucket that an environment expects to exist already (e.g. its access-log target). */
export async function createBucket(s3: S3Client, name: string, region: string): Promise<void> {
  await s3.send(
    new CreateBucketCommand({
      Bucket: name,
      ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
    }),
  );
}

/**
 * moto evaluates bucket policies on object requests but ignores their conditions, so the TLS-only
 * Deny (conditioned on `aws:SecureTransport`) would deny every object request, TLS or not. While
 * objects are written and read in the emulator, the policy is set aside, then put back byte for
 * byte (no drift). Never used against AWS.
 */
export async function withBucketPolicySetAside<T>(s3: S3Client, bucket: string, body: () => Promise<T>): Promise<T> {
  const policy = (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy!;
  await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
  try {
    return await body();
  } finally {
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  }
}

/**
 * Deletes every object version and delete marker, one by one, until none is left (as an operator
 * does before destroying a bucket without force-destroy). In moto this is also the only way:
 * moto 5.2.5 fails the `DeleteObjects` that force-destroy sends once delete markers exist.
 * Returns how many were deleted.
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
