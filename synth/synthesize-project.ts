import { ConfigError } from '../config/problems';
import { projectPaths } from './project-paths';
import { type SynthesizedEnvironment, type SynthProgress, synthesize } from './synthesize';
import { checkTerraformVersion } from './terraform-version';

export type ProjectSynthesis =
  | { readonly ok: true; readonly results: SynthesizedEnvironment[]; readonly warnings: string[] }
  | { readonly ok: false; readonly error: string };

/**
 * Everything `cdktf synth` of this app does, callable in-process: check Terraform once, then
 * synthesize every environment of the project (or of `CAMPAIGN_AAM_ENVIRONMENTS`) into its output
 * folder, all or nothing. Invalid environment files come back as one message listing every
 * problem; nothing is printed here, so each caller prints it exactly once.
 */
export async function synthesizeProject(
  projectDir: string,
  onProgress?: (progress: SynthProgress) => void,
): Promise<ProjectSynthesis> {
  const terraform = checkTerraformVersion();
  if (!terraform.ok) return { ok: false, error: terraform.error };
  try {
    const { environmentsDir, outdir } = projectPaths(projectDir);
    const results = await synthesize({ environmentsDir, outdir, projectDir, onProgress });
    return { ok: true, results, warnings: terraform.warning === undefined ? [] : [terraform.warning] };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: error.message };
    throw error;
  }
}

/** What synth tells the user about each environment. */
export function describeSynthesis(results: readonly SynthesizedEnvironment[]): string[] {
  return results.flatMap((result) => [
    `${result.name}: stack and handoff documents in ${result.stackDir}`,
    ...result.notices.map((notice) => `  ${notice}`),
  ]);
}
