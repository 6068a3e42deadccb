import { IAMClient } from '@aws-sdk/client-iam';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  type Credentials,
  emulatorClientConfig,
  emulatorRoute53,
  emulatorS3,
  withBucketPolicySetAside,
} from '../../emulator/aws';
import type { Moto } from '../../emulator/moto';
import { EMULATOR_CREDENTIALS } from '../../runtime/emulator-environment';

export { createHostedZone, emptyVersionedBucket, withBucketPolicySetAside, type Credentials } from '../../emulator/aws';

/** SDK v3 clients pointed at the emulator. */
export function clients(endpoint: string, credentials: Credentials = EMULATOR_CREDENTIALS, region = 'us-east-1') {
  return {
    s3: emulatorS3(endpoint, credentials, region),
    iam: new IAMClient(emulatorClientConfig(endpoint, credentials, region)),
    route53: emulatorRoute53(endpoint),
  };
}

/**
 * Whether `credentials` may put `key` into `bucket` as far as IAM is concerned: moto enforces IAM
 * for this one call only (the deploys need it off), and the bucket policy is set aside meanwhile
 * because moto ignores its TLS condition and would deny every plain-HTTP request.
 */
export function canPut(moto: Moto, bucket: string, key: string, credentials: Credentials): Promise<boolean> {
  return withBucketPolicySetAside(clients(moto.endpoint).s3, bucket, async () => {
    await moto.enforceIam(true);
    try {
      await clients(moto.endpoint, credentials).s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
      return true;
    } catch {
      return false;
    } finally {
      await moto.enforceIam(false);
    }
  });
}
