import { LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import { resolve } from 'node:path';
import { defaultLocalStatePath } from '../config/defaults';
import type { Environment } from '../config/environment';
import { EMULATOR_CREDENTIALS } from './aws-provider';

const localStateFile = (env: Environment, path: string | undefined, projectDir: string) =>
  resolve(projectDir, path ?? defaultLocalStatePath(env.name));

/** The state file of an environment with the local backend; `undefined` for S3 state. */
export function localStatePath(env: Environment, projectDir: string): string | undefined {
  return env.backend.type === 'local' ? localStateFile(env, env.backend.path, projectDir) : undefined;
}

/**
 * Where Terraform keeps the environment's state. Local state lives in the project folder (not in
 * `cdktf.out`, which synth owns); S3 state is encrypted and locked with S3's own
 * lock file.
 */
export function configureBackend(stack: TerraformStack, env: Environment, projectDir: string): void {
  const backend = env.backend;
  if (backend.type === 'local') {
    new LocalBackend(stack, { path: localStateFile(env, backend.path, projectDir) });
    return;
  }
  const s3 = new S3Backend(stack, {
    bucket: backend.bucket,
    key: backend.key,
    region: backend.region,
    encrypt: backend.encrypt,
    kmsKeyId: backend.kmsKeyArn,
    ...(env.aws.endpoint === undefined
      ? {}
      : {
          ...EMULATOR_CREDENTIALS,
          endpoints: { s3: env.aws.endpoint, sts: env.aws.endpoint, iam: env.aws.endpoint },
          usePathStyle: true,
          skipCredentialsValidation: true,
          skipRequestingAccountId: true,
          skipMetadataApiCheck: true,
          skipRegionValidation: true,
        }),
  });
  // cdktf 0.21's S3Backend predates Terraform's S3-native locking; the override adds it.
  if (backend.useLockfile) s3.addOverride('use_lockfile', true);
}
