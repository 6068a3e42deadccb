// First: keeps libraries from loading what this app never uses (see the module).
import './synth/defer-unused-modules';
import { projectPaths } from './synth/project-paths';
import { selectedStacks, StackSelectionError } from './synth/stack-selection';
import { stageSynthesis, type StagedSynthesis } from './synth/synthesize';
import { checkTerraformVersion } from './synth/terraform-version';
import { ConfigError } from './config/problems';
import { prepareLocalStateFiles } from './state/local-state-files';

function describe(error: unknown): string {
  return error instanceof ConfigError || error instanceof StackSelectionError
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error);
}

/**
 * The cdktf app: every `environments/*.json` file becomes one stack plus its handoff documents
 * (only the ones `CAMPAIGN_AAM_STACK` names, when set; every file is validated all the same).
 * `cdktf synth` runs this compiled (see cdktf.json); it exits non-zero with every problem listed
 * when any environment file is invalid, and then writes nothing.
 */
async function main(): Promise<number> {
  const projectDir = process.cwd();
  // Terraform answers while the stacks are synthesized: checking it costs no time of its own.
  const terraformCheck = checkTerraformVersion();

  let staged: StagedSynthesis;
  try {
    const { environmentsDir, outdir } = projectPaths(projectDir);
    staged = stageSynthesis({
      environmentsDir,
      outdir,
      projectDir,
      stacks: selectedStacks(),
      onWait: (message) => console.error(message),
    });
  } catch (error) {
    console.error(describe(error));
    const terraform = await terraformCheck;
    if (!terraform.ok) console.error(terraform.error);
    return 1;
  }

  const terraform = await terraformCheck;
  if (!terraform.ok) {
    staged.abandon();
    console.error(terraform.error);
    return 1;
  }
  if (terraform.warning !== undefined) console.error(`warning: ${terraform.warning}`);

  try {
    for (const result of staged.commit()) {
      prepareLocalStateFiles(result.environment, projectDir);
      console.log(`${result.name}: stack and handoff documents in ${result.stackDir}`);
      for (const notice of result.notices) console.log(`  ${notice}`);
    }
    return 0;
  } catch (error) {
    console.error(describe(error));
    return 1;
  }
}

main().then((code) => (process.exitCode = code));
