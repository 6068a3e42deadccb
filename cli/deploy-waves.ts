import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/problems';
import {
  deployResults,
  deployWaves,
  checkLayout,
  DeployWavesError,
  planWave,
  waveOutputs,
  waveSummary,
} from '../integrations/github/deploy-waves';
import { GitHubApiError, gitHubFromEnvironment } from '../integrations/github/api-client';
import { listRunJobs } from '../integrations/github/run-jobs';
import { describePromotionError } from '../promote/describe-error';
import { lanesOf, loadWorkspace } from '../promote/workspace';
import { projectPaths } from '../runtime/project-paths';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';
import { requiredVariable, variable, VARIABLES } from '../runtime/environment-variables';

const USAGE = `usage: npm run deploy-waves [-- --json]
       npm run --silent deploy-waves -- --wave <n> >> "$GITHUB_OUTPUT"

Plans the deploy workflow from the lanes of environments/_promotion.json (or the tiers): wave 1
deploys every environment nothing is promoted into, wave n those promoted from wave n-1, all
lanes side by side. Without --wave, prints the waves (--json for scripts).
  --wave <n>   the GitHub Actions step outputs of wave n: part-<k>={"include":[{"environment":...}]}
               and part-<k>-any=true|false. From wave 2 on, an environment is in it only if the one
               it is promoted from deployed successfully in this run, read from GitHub's API:
               GITHUB_TOKEN (actions: read), GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_API_URL.
               What is deployed and held back goes to stderr and GITHUB_STEP_SUMMARY.

Exit codes: 0 done, 1 GitHub's API failed, 2 bad input (invalid files, lanes deploy.yml cannot hold).`;

const FROM_WAVE_2 = 'needed from wave 2 on';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      wave: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const cwd = process.cwd();
  const workspace = await loadWorkspace(projectPaths(cwd).environmentsDir, cwd);
  const graph = lanesOf(workspace);

  if (values.wave === undefined) {
    const waves = deployWaves(graph);
    checkLayout(waves);
    console.log(
      values.json
        ? JSON.stringify({ waves }, null, 2)
        : waves.map((w, i) => `Wave ${i + 1} (${w.length}): ${w.join(', ')}`).join('\n'),
    );
    return 0;
  }
  if (values.json) throw new UsageError(`--json lists the waves; leave it out with --wave\n\n${USAGE}`);
  const wave = Number(values.wave);
  const results =
    wave > 1
      ? deployResults(
          await listRunJobs({
            ...gitHubFromEnvironment(FROM_WAVE_2),
            runId: requiredVariable(VARIABLES.github.runId, FROM_WAVE_2),
          }),
          workspace.environments.map((e) => e.name),
        )
      : new Map<string, string>();
  const plan = planWave(graph, wave, results);
  const summary = waveSummary(plan);
  console.error(summary);
  const stepSummary = variable(VARIABLES.github.stepSummary);
  if (stepSummary !== undefined) appendFileSync(stepSummary, `${summary}\n\n`);
  console.log(waveOutputs(plan));
  return 0;
}

runCommandLine(main, {
  help: USAGE,
  usage: [ConfigError, DeployWavesError],
  failures: [GitHubApiError],
  describe: (error) => describePromotionError(error, 'cannot plan the deploy', 'nothing was deployed'),
});
