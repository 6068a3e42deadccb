import type { Environment } from '../../config/environment';
import { unknownEnvironment } from '../../config/environment-files';

/** One leg of a plan job (pull-request plans, scheduled drift checks): which environment, with which role, where. */
export interface PlanTarget {
  readonly environment: string;
  /** The IAM role the job assumes through GitHub's OIDC provider. */
  readonly role: string;
  /** The environment's `aws.region`, for the credentials step. */
  readonly region: string;
  /** 1, 2, ... along the promotion order: the plan reviews are appended to the comment in this order. */
  readonly position: number;
}

export interface PlanMatrix {
  readonly targets: readonly PlanTarget[];
  /** Environments with a plan role that pull requests do not plan, each with why. */
  readonly skipped: readonly string[];
  /** Environments planned although their state holds the plaintext secret (an explicit opt-in). */
  readonly warnings: readonly string[];
}

export class PlanMatrixError extends Error {}

export const ROLES_VARIABLE = 'AWS_PLAN_ROLES';
/** The drift checks' read roles: trusted for the default branch, not for pull requests. */
export const DRIFT_ROLES_VARIABLE = 'AWS_DRIFT_ROLES';
export type RoleVariable = typeof ROLES_VARIABLE | typeof DRIFT_ROLES_VARIABLE;
export const PLAINTEXT_OPT_IN_VARIABLE = 'AWS_PLAN_PLAINTEXT_STATE';

/** The GitHub Environment every plan of `environment` runs in (the workflows bind their plan jobs to it). */
export const planEnvironment = (environment: string) => `plan-${environment}`;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/**
 * The roles from a repository variable (`AWS_PLAN_ROLES`, or `AWS_DRIFT_ROLES`), a JSON object
 * mapping environment names to role ARNs. Unset or empty means none.
 */
export function planRoles(
  environments: readonly Environment[],
  rolesJson: string | undefined,
  variable: RoleVariable = ROLES_VARIABLE,
): Map<string, string> {
  if (rolesJson === undefined || rolesJson.trim() === '') return new Map();
  let roles: unknown;
  try {
    roles = JSON.parse(rolesJson);
  } catch {
    throw new PlanMatrixError(
      `${variable} is not JSON: set it to an object like {"staging": "arn:aws:iam::210987654321:role/campaign-aam-plan"}`,
    );
  }
  if (roles === null || typeof roles !== 'object' || Array.isArray(roles)) {
    throw new PlanMatrixError(`${variable} must be a JSON object mapping environment names to role ARNs`);
  }
  const names = environments.map((e) => e.name);
  const problems = Object.entries(roles).flatMap(([name, role]) => {
    if (!names.includes(name)) return [unknownEnvironment(name, names)];
    return typeof role === 'string' && ROLE_ARN.test(role)
      ? []
      : [`"${name}": ${JSON.stringify(role)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`];
  });
  if (problems.length > 0) throw new PlanMatrixError(`${variable}: ${problems.join('; ')}`);
  return new Map(Object.entries(roles as Record<string, string>));
}

/**
 * The scheduled drift checks' matrix: every environment with a read role in `AWS_DRIFT_ROLES`, in
 * the given order. The drift workflow runs the default branch's code only, so no environment is
 * held back for what its state holds.
 */
export function driftMatrix(environments: readonly Environment[], rolesJson: string | undefined): PlanTarget[] {
  const roles = planRoles(environments, rolesJson, DRIFT_ROLES_VARIABLE);
  return environments
    .filter((env) => roles.has(env.name))
    .map((env, i) => ({ environment: env.name, role: roles.get(env.name)!, region: env.aws.region, position: i + 1 }));
}

/** The comma-separated environment names of the opt-in variable, each checked. */
function optedIn(environments: readonly Environment[], value: string | undefined): Set<string> {
  const names = (value ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const problems = names.flatMap((name) => {
    const env = environments.find((e) => e.name === name);
    if (env === undefined)
      return [
        unknownEnvironment(
          name,
          environments.map((e) => e.name),
        ),
      ];
    return env.accessKey.pgpPublicKey === undefined
      ? []
      : [`"${name}" has accessKey.pgpPublicKey: its state holds no plaintext secret, so it needs no opt-in`];
  });
  if (problems.length > 0) throw new PlanMatrixError(`${PLAINTEXT_OPT_IN_VARIABLE}: ${problems.join('; ')}`);
  return new Set(names);
}

/**
 * The pull-request plan job's matrix: the environments with a plan role, in the given (promotion)
 * order, but only those whose state cannot hold the plaintext secret (`accessKey.pgpPublicKey`)
 * or that `AWS_PLAN_PLAINTEXT_STATE` names. A plan reads state, and a pull request's code runs in
 * the plan job, so planning an environment whose state holds the secret hands the secret to
 * whoever can push a branch: that takes an explicit opt-in, and is warned about on every run.
 */
export function pullRequestPlanMatrix(
  environments: readonly Environment[],
  rolesJson: string | undefined,
  plaintextOptIn: string | undefined,
): PlanMatrix {
  const roles = planRoles(environments, rolesJson);
  const accepted = optedIn(environments, plaintextOptIn);
  const skipped: string[] = [];
  const warnings: string[] = [];
  const planned = environments.filter((env) => {
    if (!roles.has(env.name)) return false;
    if (env.accessKey.pgpPublicKey !== undefined) return true;
    const why = `its state holds the secret access key in plain text (no accessKey.pgpPublicKey), and a plan job runs the pull request's code`;
    if (accepted.has(env.name)) {
      warnings.push(
        `${env.name} is planned from pull requests although ${why}: anyone who can open one can read the secret (opted in by ${PLAINTEXT_OPT_IN_VARIABLE}). Protect the GitHub Environment ${planEnvironment(env.name)} with required reviewers, or give ${env.name} a PGP key.`,
      );
      return true;
    }
    skipped.push(
      `${env.name} is not planned from pull requests: ${why}. Give it accessKey.pgpPublicKey, or name it in ${PLAINTEXT_OPT_IN_VARIABLE} to accept the risk.`,
    );
    return false;
  });
  const targets = planned.map((env, i) => ({
    environment: env.name,
    role: roles.get(env.name)!,
    region: env.aws.region,
    position: i + 1,
  }));
  return { targets, skipped, warnings };
}

/**
 * Where the deploy's plan job plans `name` before the approval: the same plan role and GitHub
 * Environment as pull requests use. The deploy runs the default branch's code, so every environment
 * may be planned there; what keeps pull requests away from an environment whose state holds the
 * secret is its `plan-<name>` Environment's branch rule (main only), not this code.
 */
export function deployPlanTarget(
  environments: readonly Environment[],
  rolesJson: string | undefined,
  name: string,
): Omit<PlanTarget, 'position'> {
  const env = environments.find((e) => e.name === name);
  if (env === undefined)
    throw new PlanMatrixError(
      unknownEnvironment(
        name,
        environments.map((e) => e.name),
      ),
    );
  const role = planRoles(environments, rolesJson).get(name);
  if (role === undefined) {
    throw new PlanMatrixError(
      `${ROLES_VARIABLE} has no plan role for "${name}": the deploy plans with it, and shows that plan for approval before applying it`,
    );
  }
  return { environment: name, role, region: env.aws.region };
}
