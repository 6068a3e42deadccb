import { ConfigError } from '../config/problems';
import { prepareLocalStateFiles } from '../stacks/local-state-files';
import { projectPaths } from '../runtime/project-paths';
import { selectedStacks, StackSelectionError } from './stack-selection';
import { type SynthesizedEnvironment, type SynthProgress, stageSynthesis } from './synthesize';
import { checkTerraformVersion, type TerraformCheck } from './terraform-version';
import { VARIABLES } from '../runtime/environment-variables';

export type ProjectSynthesis =
  | { readonly ok: true; readonly results: SynthesizedEnvironment[]; readonly warnings: string[] }
  | { readonly ok: false; readonly error: string };

export interface ProjectSynthesisOptions {
  /**
   * Synthesize only these environments; every file is validated all the same.
   * @default - those `CAMPAIGN_AAM_STACK` names, or all
   */
  readonly stacks?: readonly string[];
  readonly onProgress?: (progress: SynthProgress) => void;
  /** Told when another run holds the output folder, and when this one proceeds. */
  readonly onWait?: (message: string) => void;
  /**
   * Also prepare for Terraform: check its version, and create each environment's local state files
   * owner-only before Terraform first writes them. Off where the stacks are only read and nothing
   * outside the output folder may be written (the revisions `npm run review` synthesizes).
   * @default true
   */
  readonly forTerraform?: boolean;
}

/**
 * Everything `cdktf synth` of this app does, callable in-process: synthesize the project's
 * environments (or `CAMPAIGN_AAM_ENVIRONMENTS`) into its output folder, all or nothing, while
 * Terraform's version is checked beside it (missing is a warning, too old an error). Invalid
 * environment files come back as one message listing every problem; nothing is printed here, so
 * each caller prints it exactly once.
 */
export async function synthesizeProject(
  projectDir: string,
  options: ProjectSynthesisOptions = {},
): Promise<ProjectSynthesis> {
  // Terraform answers while the stacks are synthesized: checking it costs no time of its own.
  const terraformCheck: Promise<TerraformCheck> =
    options.forTerraform === false ? Promise.resolve({ ok: true }) : checkTerraformVersion();
  const { environmentsDir, outdir } = projectPaths(projectDir);
  let staged;
  try {
    staged = await stageSynthesis({
      environmentsDir,
      outdir,
      projectDir,
      stacks: options.stacks ?? selectedStacks(),
      onProgress: options.onProgress,
      onWait: options.onWait,
    });
  } catch (error) {
    await terraformCheck;
    if (error instanceof ConfigError) return { ok: false, error: error.message };
    // A name the caller passed is the caller's to report (a usage error); the variable's is ours.
    if (error instanceof StackSelectionError && options.stacks === undefined) {
      return { ok: false, error: `${VARIABLES.stack}: ${error.message}` };
    }
    throw error;
  }
  const terraform = await terraformCheck;
  if (!terraform.ok) {
    staged.abandon();
    return { ok: false, error: terraform.error };
  }
  const results = staged.commit();
  // State files are created owner-only before Terraform first writes them.
  if (options.forTerraform !== false) {
    for (const result of results) prepareLocalStateFiles(result.environment, projectDir);
  }
  return { ok: true, results, warnings: terraform.warning === undefined ? [] : [terraform.warning] };
}

/** What synth tells the user about each environment. */
export function describeSynthesis(results: readonly SynthesizedEnvironment[]): string[] {
  return results.flatMap((result) => [
    `${result.name}: stack and handoff documents in ${result.stackDir}`,
    ...result.notices.map((notice) => `  ${notice}`),
  ]);
}
