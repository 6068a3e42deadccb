import { parseArgs } from 'node:util';
import { ConfigError } from '../config/problems';
import { PlanMatrixError, planMatrix, ROLE_VARIABLES } from '../github/plan-matrix';
import { listingOrder } from '../promote/lanes';
import { loadWorkspace } from '../promote/workspace';
import { projectPaths } from '../synth/project-paths';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run --silent plan-matrix [-- --roles AWS_DRIFT_ROLES] >> "$GITHUB_OUTPUT"

Prints a plan job's matrix as GitHub Actions step outputs (matrix=..., any=...): the environments
with a role in the AWS_PLAN_ROLES variable (the pull-request plans), or with --roles in
AWS_DRIFT_ROLES (the drift checks), in promotion order.`;

/**
 * `npm run --silent plan-matrix [-- --roles AWS_DRIFT_ROLES] >> "$GITHUB_OUTPUT"`: a plan job's
 * matrix, from a roles variable (AWS_PLAN_ROLES, the pull-request plans', by default) and the
 * environment files, as GitHub Actions step outputs (`matrix={"include":[...]}` and `any=true|false`).
 */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { roles: { type: 'string', default: 'AWS_PLAN_ROLES' } } });
  const variable = ROLE_VARIABLES.find((v) => v === values.roles);
  if (variable === undefined) {
    throw new UsageError(
      `--roles names the variable to read: ${ROLE_VARIABLES.join(' or ')}, not "${values.roles}"\n\n${USAGE}`,
    );
  }
  const cwd = process.cwd();
  const workspace = await loadWorkspace(projectPaths(cwd).environmentsDir, cwd);
  const order = listingOrder(workspace.environments, workspace.config);
  const ordered = order.map((name) => workspace.environments.find((e) => e.name === name)!);
  const targets = planMatrix(ordered, process.env[variable], variable);
  console.log(`matrix=${JSON.stringify({ include: targets })}`);
  console.log(`any=${targets.length > 0}`);
  return 0;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, PlanMatrixError] });
