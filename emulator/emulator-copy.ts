import type { Environment } from '../config/environment';

/** What the emulator provides for a copy: its endpoint, its account and a hosted zone made there. */
export interface EmulatorSide {
  readonly endpoint: string;
  readonly accountId: string;
  readonly hostedZoneId: string;
  /** Absolute path of the copy's local state file, in the project's cache. */
  readonly statePath: string;
}

export interface EmulatorCopy {
  /** The copy's environment file contents, validated like any other file before use. */
  readonly file: Record<string, unknown>;
  /** What differs from the original beyond endpoint, account, zone and state, and why. */
  readonly notes: string[];
}

/**
 * An emulator copy of an environment file's contents (the original is never changed): the
 * emulator's endpoint and account, a hosted zone created in the emulator, local state in the
 * project's cache. Settings that only a real account can honour are adjusted, each with a note:
 * a production tier (which forbids `aws.endpoint`) becomes staging, the KMS key and the PGP key
 * (neither exists in the emulator) are dropped.
 */
export function emulatorCopy(original: Record<string, unknown>, env: Environment, side: EmulatorSide): EmulatorCopy {
  // The file has been validated (`env`), so its sections are objects.
  const file = structuredClone(original) as Record<string, Record<string, unknown>>;
  const notes: string[] = [];
  delete (file as Record<string, unknown>).$schema;
  if (env.environment.tier === 'production') {
    file.environment.tier = 'staging';
    notes.push('tier production → staging (production may not use an emulator endpoint)');
  }
  file.aws = { ...file.aws, endpoint: side.endpoint, accountId: side.accountId };
  file.dns = { ...file.dns, hostedZoneId: side.hostedZoneId };
  if (env.receiver.mode === 'stack-owned' && env.receiver.kmsKeyArn !== undefined) {
    delete file.receiver.kmsKeyArn;
    notes.push('receiver.kmsKeyArn dropped: SSE-S3 instead (the key exists only in your account)');
  }
  if (env.receiver.mode === 'adobe-provisioned' && env.receiver.secretKmsKeyArn !== undefined) {
    delete file.receiver.secretKmsKeyArn;
    notes.push(
      "receiver.secretKmsKeyArn dropped: Secrets Manager's own key instead (the key exists only in your account)",
    );
  }
  if (env.accessKey.pgpPublicKey !== undefined) {
    delete file.accessKey?.pgpPublicKey;
    notes.push('accessKey.pgpPublicKey dropped (the connection check needs the dummy secret)');
  }
  file.backend = { type: 'local', path: side.statePath };
  return { file, notes };
}
