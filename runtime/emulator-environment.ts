/**
 * Whether an environment is an emulator's (moto, LocalStack) or a real account's, decided here
 * alone: by its `aws.endpoint`, which only emulator environments have (the schema keeps it to
 * loopback addresses and out of production). No AWS SDK here: config rules and the stack read it.
 */
export interface AwsTarget {
  readonly region: string;
  /** Only for an emulator. */
  readonly endpoint?: string;
}

/** The emulator endpoint the environment points at, or undefined for a real account. */
export const emulatorEndpoint = (env: { readonly aws: Partial<AwsTarget> }): string | undefined => env.aws.endpoint;

/** Credentials the emulator accepts, in the AWS SDK's shape; real environments never get them. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
