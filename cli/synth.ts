// First: keeps libraries from loading what synth never uses (see the module).
import '../cdktf-internals/defer-unused-modules';
import { describeSynthesis, synthesizeProject } from '../synth/synthesize-project';
import { StatusLine } from './progress';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run synth

Validates every environment file (all problems of all files at once) and synthesizes each one into
cdktf.out/stacks/<environment>/ (cdk.tf.json and the handoff documents); on any problem nothing is
written. CDKTF_OUTDIR replaces the output folder.`;

/**
 * `npm run synth`: what `cdktf synth` does for this app, in-process, so every environment-file
 * problem is printed exactly once (the cdktf CLI prints a failing app's output live and then again
 * in its error report), with a progress line on a terminal.
 */
async function main(args: string[]): Promise<number> {
  if (args.length > 0)
    throw new UsageError(
      `npm run synth takes no arguments (got ${args.join(' ')}): it synthesizes every environment\n\n${USAGE}`,
    );
  const status = new StatusLine();
  const synthesis = await synthesizeProject(process.cwd(), {
    onProgress: ({ phase, done, total }) =>
      status.set(
        phase === 'synthesizing' ? `synth: synthesizing ${total} stacks` : `synth: ${phase} ${done + 1}/${total}`,
      ),
    onWait: (message) => (status.clear(), console.error(message)),
  });
  status.clear();
  if (synthesis.ok) {
    for (const warning of synthesis.warnings) console.error(`warning: ${warning}`);
    for (const line of describeSynthesis(synthesis.results)) console.log(line);
    return 0;
  }
  console.error(synthesis.error);
  return 1;
}

runCommandLine(main, { help: USAGE });
