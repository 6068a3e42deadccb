import { AwsProvider, type AwsProviderEndpoints } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import { managedTags } from '../config/defaults';
import type { Environment } from '../config/environment';
import { EMULATOR_CREDENTIALS, emulatorEndpoint } from '../runtime/emulator-environment';

/** Every AWS service the stack (and its tests) talks to, for emulator endpoints. */
const EMULATED_SERVICES = [
  's3',
  's3Control',
  'iam',
  'sts',
  'route53',
  'secretsmanager',
  'kms',
] as const satisfies readonly (keyof AwsProviderEndpoints)[];

/** The emulator's credentials as the provider and the S3 backend name them. */
export const EMULATOR_PROVIDER_CREDENTIALS = {
  accessKey: EMULATOR_CREDENTIALS.accessKeyId,
  secretKey: EMULATOR_CREDENTIALS.secretAccessKey,
} as const;

/**
 * Provider settings that make Terraform talk to a local emulator (moto or LocalStack) instead of
 * AWS. Only environments with `aws.endpoint` get these, and the schema forbids that in production.
 */
export function emulatorSettings(endpoint: string, accountId: string | undefined) {
  return {
    ...EMULATOR_PROVIDER_CREDENTIALS,
    s3UsePathStyle: true,
    skipCredentialsValidation: true,
    // With an account guard, the provider asks the emulator's STS which account it is; without, it need not.
    skipRequestingAccountId: accountId === undefined,
    skipMetadataApiCheck: 'true',
    skipRegionValidation: true,
    endpoints: [Object.fromEntries(EMULATED_SERVICES.map((service) => [service, endpoint])) as AwsProviderEndpoints],
  };
}

export function defaultTags(env: Environment): Record<string, string> {
  return { ...managedTags(env.name), ...env.aws.tags };
}

/** The AWS provider: region, default tags on every resource, and the account guard. */
export function awsProvider(scope: Construct, env: Environment): AwsProvider {
  const endpoint = emulatorEndpoint(env);
  return new AwsProvider(scope, 'aws', {
    region: env.aws.region,
    defaultTags: [{ tags: defaultTags(env) }],
    allowedAccountIds: env.aws.accountId === undefined ? undefined : [env.aws.accountId],
    ...(endpoint === undefined ? {} : emulatorSettings(endpoint, env.aws.accountId)),
  });
}
