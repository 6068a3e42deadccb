import { parseArgs } from 'node:util';
import { ConfigError } from '../config/problems';
import {
  deployPlanTarget,
  DRIFT_ROLES_VARIABLE,
  driftMatrix,
  PLAINTEXT_OPT_IN_VARIABLE,
  PlanMatrixError,
  pullRequestPlanMatrix,
  ROLES_VARIABLE,
} from '../integrations/github/plan-matrix';
import { listingOrder } from '../promote/lanes';
import { loadWorkspace } from '../promote/workspace';
import { projectPaths } from '../runtime/project-paths';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';
import { VARIABLES } from '../runtime/environment-variables';

const USAGE = `usage: npm run --silent plan-matrix [-- --deploy <environment> | --roles ${DRIFT_ROLES_VARIABLE}] >> "$GITHUB_OUTPUT"

Without --deploy: the pull-request plan job's matrix, as GitHub Actions step outputs
(matrix={"include":[...]} and any=true|false): the environments with a role in ${ROLES_VARIABLE},
in promotion order, except those whose state holds the plaintext secret (no accessKey.pgpPublicKey)
unless ${PLAINTEXT_OPT_IN_VARIABLE} (comma-separated names) opts them in; each opt-in is printed
as a warning, each skipped environment as a notice (on stderr).
With --deploy <environment>: role=<plan role> and region=<aws.region> for the deploy's plan job.
With --roles ${DRIFT_ROLES_VARIABLE}: the scheduled drift checks' matrix, every environment with a
read role in ${DRIFT_ROLES_VARIABLE}.`;

/** A workflow command in Actions (shown on the run's page), a plain line elsewhere. */
const annotate = (level: 'warning' | 'notice', message: string) =>
  console.error(process.env[VARIABLES.github.actions] === 'true' ? `::${level}::${message}` : `${level}: ${message}`);

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { deploy: { type: 'string' }, roles: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}\n\n${USAGE}`);
  if (values.roles !== undefined && values.roles !== DRIFT_ROLES_VARIABLE) {
    throw new UsageError(`--roles takes ${DRIFT_ROLES_VARIABLE}, not "${values.roles}"\n\n${USAGE}`);
  }
  if (values.roles !== undefined && values.deploy !== undefined) {
    throw new UsageError(`--deploy and --roles do not go together\n\n${USAGE}`);
  }
  const cwd = process.cwd();
  const workspace = await loadWorkspace(projectPaths(cwd).environmentsDir, cwd);
  const order = listingOrder(workspace.environments, workspace.config);
  const ordered = order.map((name) => workspace.environments.find((e) => e.name === name)!);
  if (values.roles !== undefined) {
    const targets = driftMatrix(ordered, process.env[VARIABLES.driftRoles]);
    console.log(`matrix=${JSON.stringify({ include: targets })}`);
    console.log(`any=${targets.length > 0}`);
    return 0;
  }
  if (values.deploy !== undefined) {
    const target = deployPlanTarget(ordered, process.env[VARIABLES.planRoles], values.deploy);
    console.log(`role=${target.role}`);
    console.log(`region=${target.region}`);
    return 0;
  }
  const matrix = pullRequestPlanMatrix(
    ordered,
    process.env[VARIABLES.planRoles],
    process.env[VARIABLES.plaintextState],
  );
  for (const warning of matrix.warnings) annotate('warning', warning);
  for (const skipped of matrix.skipped) annotate('notice', skipped);
  console.log(`matrix=${JSON.stringify({ include: matrix.targets })}`);
  console.log(`any=${matrix.targets.length > 0}`);
  return 0;
}

runCommandLine(main, { help: USAGE, usage: [ConfigError, PlanMatrixError] });
