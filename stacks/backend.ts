import { LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import type { Environment } from '../config/environment';
import { localStateFile } from '../config/project-layout';
import { emulatorEndpoint } from '../runtime/emulator-environment';
import { EMULATOR_PROVIDER_CREDENTIALS } from './aws-provider';

/**
 * Where Terraform keeps the environment's state. Local state lives in the project folder (not in
 * `cdktf.out`, which synth owns); S3 state is encrypted and locked with S3's own
 * lock file.
 */
export function configureBackend(stack: TerraformStack, env: Environment, projectDir: string): void {
  const backend = env.backend;
  if (backend.type === 'local') {
    new LocalBackend(stack, { path: localStateFile(env, projectDir)! });
    return;
  }
  const endpoint = emulatorEndpoint(env);
  const s3 = new S3Backend(stack, {
    bucket: backend.bucket,
    key: backend.key,
    region: backend.region,
    encrypt: backend.encrypt,
    kmsKeyId: backend.kmsKeyArn,
    ...(endpoint === undefined
      ? {}
      : {
          ...EMULATOR_PROVIDER_CREDENTIALS,
          endpoints: { s3: endpoint, sts: endpoint, iam: endpoint },
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
