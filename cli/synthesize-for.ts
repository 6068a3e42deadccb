import { projectPaths } from '../runtime/project-paths';
import { describeSynthesis, synthesizeProject } from '../synth/synthesize-project';
import { StackSelectionError } from '../synth/stack-selection';
import { StatusLine } from './progress';
import { UsageError } from './usage-error';

/**
 * The first step of `plan` and `deploy`: validate every environment and synthesize the named one
 * in-process (so each environment-file problem is printed once, and cdktf can run with
 * `--skip-synth` without paying for every other stack), then return the output folder and its
 * synthesis.
 */
export async function synthesizeFor(name: string) {
  const status = new StatusLine();
  status.set(`synth: validating every environment, synthesizing ${name}`);
  const synthesis = await synthesizeProject(process.cwd(), {
    stacks: [name],
    onWait: (message) => (status.clear(), console.error(message)),
  }).catch((error: unknown) => {
    // An environment name that does not exist is a mistake in the call, as for every command.
    throw error instanceof StackSelectionError ? new UsageError(error.message) : error;
  });
  status.clear();
  if (!synthesis.ok) return { ok: false as const, error: synthesis.error };
  const [result] = synthesis.results;
  for (const warning of synthesis.warnings) console.error(`warning: ${warning}`);
  console.log(describeSynthesis([result]).join('\n'));
  return { ok: true as const, outdir: projectPaths(process.cwd()).outdir, result };
}
