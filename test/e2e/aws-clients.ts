import { IAMClient } from '@aws-sdk/client-iam';
import {
  type Credentials,
  emulatorClientConfig,
  emulatorRoute53,
  emulatorS3,
  EMULATOR_ADMIN,
} from '../../emulator/aws';

export { createHostedZone, emptyVersionedBucket, withBucketPolicySetAside, type Credentials } from '../../emulator/aws';

/** SDK v3 clients pointed at the emulator. */
export function clients(endpoint: string, credentials: Credentials = EMULATOR_ADMIN, region = 'us-east-1') {
  return {
    s3: emulatorS3(endpoint, credentials, region),
    iam: new IAMClient(emulatorClientConfig(endpoint, credentials, region)),
    route53: emulatorRoute53(endpoint),
  };
}
