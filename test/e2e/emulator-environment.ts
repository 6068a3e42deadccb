import { fileWith } from '../support/environment';

export interface EmulatorEnvironmentOptions {
  readonly endpoint: string;
  readonly bucketName: string;
  readonly hostedZoneId: string;
  readonly zoneName: string;
  /** The tracking host name, below `zoneName`. */
  readonly trackingHost: string;
  readonly backend: Record<string, unknown>;
}

/** The contents of an environment file whose AWS is the emulator at `endpoint`. */
export function emulatorEnvironmentFile(
  options: EmulatorEnvironmentOptions,
  change: (file: Record<string, any>) => void = () => undefined,
): Record<string, any> {
  return fileWith((f) => {
    f.aws.endpoint = options.endpoint;
    f.receiver = { bucketName: options.bucketName, prefix: 'campaign-aam/' };
    f.dns = {
      hostedZoneId: options.hostedZoneId,
      zoneName: options.zoneName,
      trackingServer: {
        method: 'cname',
        records: [{ hostname: options.trackingHost, target: 'initech.campaign.adobe.com' }],
      },
    };
    f.backend = options.backend;
    change(f);
  });
}
