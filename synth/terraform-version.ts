import { execFileSync } from 'node:child_process';

/** The oldest Terraform the project supports (`terraform_data` needs 1.4; S3 `use_lockfile` needs 1.10). */
export const MINIMUM_TERRAFORM = [1, 6, 0] as const;

/**
 * Checks the Terraform on PATH once per run (cdktf would spawn it once per resource). Synth itself
 * does not need Terraform, so a missing binary is a warning; a too-old one is an error.
 */
export function checkTerraformVersion():
  | { ok: true; version?: string; warning?: string }
  | { ok: false; error: string } {
  let text: string;
  try {
    text = execFileSync('terraform', ['version', '-json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return {
      ok: true,
      warning: 'terraform was not found on PATH: synth works, but plan and deploy need Terraform >= 1.6',
    };
  }
  const version = (JSON.parse(text) as { terraform_version: string }).terraform_version;
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
