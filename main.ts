import { projectPaths } from './synth/project-paths';
import { synthesize } from './synth/synthesize';
import { checkTerraformVersion } from './synth/terraform-version';
import { ConfigError } from './config/problems';

/**
 * The cdktf app: every `environments/*.json` file becomes one stack plus its handoff documents.
 * `cdktf synth` runs this compiled (see cdktf.json); it exits non-zero with every problem listed
 * when any environment file is invalid, and then writes nothing.
 */
async function main(): Promise<number> {
  const projectDir = process.cwd();
  const terraform = checkTerraformVersion();
  if (!terraform.ok) {
    console.error(terraform.error);
    return 1;
  }
  if (terraform.warning !== undefined) console.error(`warning: ${terraform.warning}`);

  try {
    const { environmentsDir, outdir } = projectPaths(projectDir);
    const results = await synthesize({ environmentsDir, outdir, projectDir });
    for (const result of results) {
      console.log(`${result.name}: stack and handoff documents in ${result.stackDir}`);
      for (const notice of result.notices) console.log(`  ${notice}`);
    }
    return 0;
  } catch (error) {
    console.error(
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error),
    );
    return 1;
  }
}

main().then((code) => (process.exitCode = code));
