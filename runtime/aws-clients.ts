import { IAMClient } from '@aws-sdk/client-iam';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import { type AwsTarget, EMULATOR_CREDENTIALS, emulatorEndpoint } from './emulator-environment';
import { VARIABLES } from './environment-variables';

// The SDK warns on every client about Node versions it will stop supporting; the commands print results, not that.
process.env[VARIABLES.awsSdkNodeWarning] ??= 'true';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** SDK clients for the services the stack uses, in the environment's account and region. */
export interface AwsClients {
  readonly s3: S3Client;
  readonly iam: IAMClient;
  readonly route53: Route53Client;
  readonly sts: STSClient;
  /** Where the secrets of a receiver Adobe provisioned are kept. */
  readonly secretsManager: SecretsManagerClient;
  /** S3 in another region (the S3 backend's state bucket may live elsewhere). */
  s3In(region: string): S3Client;
  destroy(): void;
}

/**
 * Settings for an AWS SDK v3 client in `region`: the SDK's default credential chain (`AWS_PROFILE`,
 * environment variables, SSO...), as the AWS provider reads it; for an emulator environment, its
 * endpoint and the emulator's credentials, as the provider gets them. `credentials` overrides both.
 */
export function sdkClientConfig(env: { readonly aws: AwsTarget }, region: string, credentials?: AwsCredentials) {
  const endpoint = emulatorEndpoint(env);
  return {
    region,
    ...(endpoint === undefined ? {} : { endpoint, credentials: { ...EMULATOR_CREDENTIALS } }),
    // A copy: the SDK annotates the credentials object it is given.
    ...(credentials === undefined ? {} : { credentials: { ...credentials } }),
  };
}

/** Clients for the environment's account and region, with the credentials of `sdkClientConfig`. */
export function awsClients(env: { readonly aws: AwsTarget }, credentials?: AwsCredentials): AwsClients {
  const endpoint = emulatorEndpoint(env);
  const common = (region: string) => sdkClientConfig(env, region, credentials);
  const created: { destroy(): void }[] = [];
  const track = <T extends { destroy(): void }>(client: T): T => (created.push(client), client);
  // A bucket in another region answers HeadBucket with a bare 301; following it reads the bucket
  // (and its region, which adopt compares with the file's) instead of failing on an unknown error.
  const s3In = (region: string) =>
    track(new S3Client({ ...common(region), forcePathStyle: endpoint !== undefined, followRegionRedirects: true }));
  return {
    s3: s3In(env.aws.region),
    iam: track(new IAMClient(common(env.aws.region))),
    route53: track(new Route53Client(common(env.aws.region))),
    sts: track(new STSClient(common(env.aws.region))),
    secretsManager: track(new SecretsManagerClient(common(env.aws.region))),
    s3In,
    destroy: () => created.forEach((c) => c.destroy()),
  };
}
