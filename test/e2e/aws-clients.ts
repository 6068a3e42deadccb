import { IAMClient } from '@aws-sdk/client-iam';
import { CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import {
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  ListObjectVersionsCommand,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export const EMULATOR_ADMIN: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** SDK v3 clients pointed at the emulator. */
export function clients(endpoint: string, credentials: Credentials = EMULATOR_ADMIN, region = 'us-east-1') {
  // A copy: the SDK annotates the credentials object it is given.
  const common = { endpoint, region, credentials: { ...credentials }, maxAttempts: 1 };
  return {
    s3: new S3Client({ ...common, forcePathStyle: true }),
    iam: new IAMClient(common),
    route53: new Route53Client(common),
  };
}

/**
 * moto evaluates bucket policies on object requests but ignores their conditions, so the TLS-only
 * Deny (conditioned on `aws:SecureTransport`) would deny every object request, TLS or not. While a
 * test works with objects, the policy is set aside, then put back byte for byte (no drift).
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

/** Creates a Route53 hosted zone in the emulator and returns its ID as environment files take it. */
export async function createHostedZone(route53: Route53Client, name: string): Promise<string> {
  const zone = await route53.send(new CreateHostedZoneCommand({ Name: name, CallerReference: name }));
  return zone.HostedZone!.Id!.replace('/hostedzone/', '');
}
