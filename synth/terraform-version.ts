import { terraformVersionJson } from '../runtime/terraform';

/** The oldest Terraform the project supports (`terraform_data` needs 1.4; S3 `use_lockfile` needs 1.10). */
export const MINIMUM_TERRAFORM = [1, 6, 0] as const;

export type TerraformCheck = { ok: true; version?: string; warning?: string } | { ok: false; error: string };

/** Judges the output of `terraform version -json`, or its absence. */
export function judgeTerraformVersion(output: string | undefined): TerraformCheck {
  if (output === undefined) {
    return {
      ok: true,
      warning: `terraform was not found on PATH: synth works, but plan and deploy need Terraform >= ${MINIMUM_TERRAFORM.join('.')}`,
    };
  }
  let version: string;
  try {
    version = (JSON.parse(output) as { terraform_version: string }).terraform_version;
  } catch {
    // `-json` arrived in Terraform 0.13.
    return {
      ok: false,
      error: `terraform version -json gave no version: this project needs Terraform ${MINIMUM_TERRAFORM.join('.')} or newer`,
    };
  }
  const parts = version.split('.').map(Number);
  const tooOld = MINIMUM_TERRAFORM.some(
    (min, i) => parts.slice(0, i).every((p, j) => p === MINIMUM_TERRAFORM[j]) && parts[i] < min,
  );
  return tooOld
    ? {
        ok: false,
        error: `Terraform ${version} is too old: this project needs ${MINIMUM_TERRAFORM.join('.')} or newer`,
      }
    : { ok: true, version };
}

/**
 * Checks the Terraform on PATH once per run (cdktf would spawn it once per resource). Synth itself
 * does not need Terraform, so a missing binary is a warning; a too-old one is an error. Terraform
 * runs in the background: started before synthesis, it answers by the time the stacks are ready.
 */
export function checkTerraformVersion(): Promise<TerraformCheck> {
  return terraformVersionJson().then(judgeTerraformVersion);
}
