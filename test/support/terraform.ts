import { run, start, type RunResult } from './run';
import { terraformEnv } from '../../runtime/terraform';
import { EMULATOR_CREDENTIALS } from '../../runtime/emulator-environment';

/** Credentials and endpoint that send the AWS provider to a moto server. */
export function emulatorAwsEnv(endpoint: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Runs `terraform <args>` in `dir` with the project's Terraform environment. */
export function terraform(dir: string, args: string[], env: Record<string, string> = {}): RunResult {
  return run('terraform', [`-chdir=${dir}`, ...args, ...(args[0] === 'version' ? [] : ['-no-color'])], {
    env: { ...terraformEnv(), ...env },
  });
}

/** Fails with Terraform's own output when a command did not exit as expected. */
export function expectExit(result: RunResult, code: number): void {
  if (result.status !== code) {
    throw new Error(
      `expected exit ${code}, got ${result.status}\n--- stdout ---\n${result.stdout.slice(-6000)}\n--- stderr ---\n${result.stderr.slice(-6000)}`,
    );
  }
}

/** `terraform` in the background, for tests that need two at once. */
export function terraformInBackground(
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  return start('terraform', [`-chdir=${dir}`, ...args, '-no-color'], { env: { ...terraformEnv(), ...env } });
}
