import type { Environment } from '../config/environment';
import { unknownEnvironment } from '../config/environment-files';

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

export class PlanMatrixError extends Error {}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The repository variables that map environments to read-only roles: pull-request plans, drift checks. */
export const ROLE_VARIABLES = ['AWS_PLAN_ROLES', 'AWS_DRIFT_ROLES'] as const;
export type RoleVariable = (typeof ROLE_VARIABLES)[number];

/**
 * A plan job's matrix from a repository variable (`AWS_PLAN_ROLES` for pull requests,
 * `AWS_DRIFT_ROLES` for drift checks), a JSON object mapping environment names to role ARNs: the
 * environments that have a role, in promotion order. Unset or empty means no plans (the
 * credential-free review still runs).
 */
export function planMatrix(
  environments: readonly Environment[],
  rolesJson: string | undefined,
  variable: RoleVariable = 'AWS_PLAN_ROLES',
): PlanTarget[] {
  if (rolesJson === undefined || rolesJson.trim() === '') return [];
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
  if (problems.length > 0) {
    throw new PlanMatrixError(`${variable}: ${problems.join('; ')}`);
  }
  const byName = roles as Record<string, string>;
  return environments
    .filter((e) => byName[e.name] !== undefined)
    .map((e, i) => ({ environment: e.name, role: byName[e.name], region: e.aws.region, position: i + 1 }));
}
