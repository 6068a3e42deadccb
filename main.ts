// First: keeps libraries from loading what this app never uses (see the module).
import './cdktf-internals/defer-unused-modules';
import { VARIABLES } from './runtime/environment-variables';
import { describeSynthesis, synthesizeProject } from './synth/synthesize-project';

/**
 * The cdktf app: every `environments/*.json` file becomes one stack plus its handoff documents
 * (only the ones `CAMPAIGN_AAM_STACK` names, when set; every file is validated all the same).
 * `cdktf synth` runs this compiled (see cdktf.json); it exits non-zero with every problem listed
 * when any environment file is invalid, and then writes nothing. (The cdktf CLI echoes a failing
 * app's output a second time; `npm run synth`, `plan` and `deploy` synthesize in-process instead.)
 */
async function main(): Promise<number> {
  const synthesis = await synthesizeProject(process.cwd(), {
    onWait: (message) => console.error(message),
    // Set by `npm run review` for the revisions it synthesizes: a review writes nothing outside its
    // temporary folder (not even an absolute local state path) and runs no Terraform.
    forTerraform: process.env[VARIABLES.synthOnly] !== '1',
  });
  if (!synthesis.ok) {
    console.error(synthesis.error);
    return 1;
  }
  for (const warning of synthesis.warnings) console.error(`warning: ${warning}`);
  for (const line of describeSynthesis(synthesis.results)) console.log(line);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
