import type { Environment } from '../config/environment';
import { unknownEnvironment } from '../config/environment-files';

/** One leg of the pull-request plan job: which environment, with which role, where. */
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

/**
 * The plan job's matrix from the `AWS_PLAN_ROLES` repository variable, a JSON object mapping
 * environment names to plan-role ARNs: the environments that have a role, in promotion order.
 * Unset or empty means no plans (the credential-free review still runs).
 */
export function planMatrix(environments: readonly Environment[], rolesJson: string | undefined): PlanTarget[] {
  if (rolesJson === undefined || rolesJson.trim() === '') return [];
  let roles: unknown;
  try {
    roles = JSON.parse(rolesJson);
  } catch {
    throw new PlanMatrixError(
      'AWS_PLAN_ROLES is not JSON: set it to an object like {"staging": "arn:aws:iam::210987654321:role/campaign-aam-plan"}',
    );
  }
  if (roles === null || typeof roles !== 'object' || Array.isArray(roles)) {
    throw new PlanMatrixError('AWS_PLAN_ROLES must be a JSON object mapping environment names to role ARNs');
  }
  const names = environments.map((e) => e.name);
  const problems = Object.entries(roles).flatMap(([name, role]) => {
    if (!names.includes(name)) return [unknownEnvironment(name, names)];
    return typeof role === 'string' && ROLE_ARN.test(role)
      ? []
      : [`"${name}": ${JSON.stringify(role)} is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`];
  });
  if (problems.length > 0) {
    throw new PlanMatrixError(`AWS_PLAN_ROLES: ${problems.join('; ')}`);
  }
  const byName = roles as Record<string, string>;
  return environments
    .filter((e) => byName[e.name] !== undefined)
    .map((e, i) => ({ environment: e.name, role: byName[e.name], region: e.aws.region, position: i + 1 }));
}
