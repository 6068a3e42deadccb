import { ConfigError } from '../config/problems';
import { PlanMatrixError, planMatrix } from '../github/plan-matrix';
import { listingOrder } from '../promote/lanes';
import { loadWorkspace } from '../promote/workspace';
import { projectPaths } from '../synth/project-paths';
import { runCommandLine } from './run-command-line';

const USAGE = `usage: npm run --silent plan-matrix >> "$GITHUB_OUTPUT"

Prints the pull-request plan job's matrix as GitHub Actions step outputs (matrix=..., any=...):
the environments with a role in the AWS_PLAN_ROLES variable, in promotion order.`;

/**
 * `npm run --silent plan-matrix >> "$GITHUB_OUTPUT"`: the pull-request plan job's matrix, from the
 * AWS_PLAN_ROLES variable and the environment files, as GitHub Actions step outputs
 * (`matrix={"include":[...]}` and `any=true|false`).
 */
async function main(): Promise<number> {
  const cwd = process.cwd();
  const workspace = await loadWorkspace(projectPaths(cwd).environmentsDir, cwd);
  const order = listingOrder(workspace.environments, workspace.config);
  const ordered = order.map((name) => workspace.environments.find((e) => e.name === name)!);
  const targets = planMatrix(ordered, process.env.AWS_PLAN_ROLES);
  console.log(`matrix=${JSON.stringify({ include: targets })}`);
  console.log(`any=${targets.length > 0}`);
  return 0;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, PlanMatrixError] });
