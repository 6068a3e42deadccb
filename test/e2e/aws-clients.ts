import { IAMClient } from '@aws-sdk/client-iam';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';

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
