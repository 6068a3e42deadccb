import { projectPaths } from '../synth/project-paths';
import { describeSynthesis, synthesizeProject } from '../synth/synthesize-project';
import { StatusLine } from './progress';
import { unknownEnvironment, UsageError } from './usage-error';

/**
 * The first step of `plan` and `deploy`: synthesize every environment in-process (so each
 * environment-file problem is printed once, and cdktf can run with `--skip-synth`), then return
 * the output folder and the named environment's synthesis.
 */
export async function synthesizeFor(name: string | undefined, usage: string) {
  if (name === undefined || name.startsWith('-')) throw new UsageError(usage);
  const status = new StatusLine();
  status.set('synth: validating and synthesizing every environment');
  const synthesis = await synthesizeProject(process.cwd());
  status.clear();
  if (!synthesis.ok) return { ok: false as const, error: synthesis.error };
  const result = synthesis.results.find((r) => r.name === name);
  if (result === undefined) {
    const known = synthesis.results.map((r) => r.name);
    throw new UsageError(`${unknownEnvironment(name, known)}\n\n${usage}`);
  }
  for (const warning of synthesis.warnings) console.error(`warning: ${warning}`);
  console.log(describeSynthesis([result]).join('\n'));
  return { ok: true as const, outdir: projectPaths(process.cwd()).outdir, result };
}
