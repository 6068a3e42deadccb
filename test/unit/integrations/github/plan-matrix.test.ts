import type { Environment } from '../../../../config/environment';
import { deployPlanTarget, pullRequestPlanMatrix } from '../../../../integrations/github/plan-matrix';
import { loadExamples } from '../../../support/examples';

let environments: Environment[];
beforeAll(async () => {
  environments = await loadExamples();
});
const STAGING_ROLE = 'arn:aws:iam::210987654321:role/campaign-aam-plan';
const PRODUCTION_ROLE = 'arn:aws:iam::123456789012:role/campaign-aam-plan';
const both = JSON.stringify({ production: PRODUCTION_ROLE, staging: STAGING_ROLE });

describe('the pull-request plan matrix (AWS_PLAN_ROLES)', () => {
  it('is empty when no role is configured: the review runs without credentials', () => {
    expect(pullRequestPlanMatrix(environments, undefined, undefined)).toEqual({
      targets: [],
      skipped: [],
      warnings: [],
    });
    expect(pullRequestPlanMatrix(environments, '', '').targets).toEqual([]);
  });

  it('plans only environments whose state cannot hold the plaintext secret, each in its own plan-<env> Environment', () => {
    // production has a PGP key; staging (in the examples) has none, so its state holds the secret.
    const matrix = pullRequestPlanMatrix(environments, both, undefined);
    expect(matrix.targets).toEqual([
      {
        environment: 'production',
        role: PRODUCTION_ROLE,
        region: 'eu-west-1',
        position: 1,
      },
    ]);
    expect(matrix.skipped).toEqual([
      "staging is not planned from pull requests: its state holds the secret access key in plain text (no accessKey.pgpPublicKey), and a plan job runs the pull request's code. Give it accessKey.pgpPublicKey, or name it in AWS_PLAN_PLAINTEXT_STATE to accept the risk.",
    ]);
    expect(matrix.warnings).toEqual([]);
  });

  it('plans an environment with plaintext state only by an explicit opt-in, and warns about it every time', () => {
    const matrix = pullRequestPlanMatrix(environments, both, ' staging ');
    expect(matrix.targets.map((t) => [t.environment, t.position])).toEqual([
      ['production', 1],
      ['staging', 2],
    ]);
    expect(matrix.skipped).toEqual([]);
    expect(matrix.warnings).toEqual([
      "staging is planned from pull requests although its state holds the secret access key in plain text (no accessKey.pgpPublicKey), and a plan job runs the pull request's code: anyone who can open one can read the secret (opted in by AWS_PLAN_PLAINTEXT_STATE). Protect the GitHub Environment plan-staging with required reviewers, or give staging a PGP key.",
    ]);
  });

  it('names every mistake in the variables', () => {
    const matrix = (roles: string, optIn?: string) => () => pullRequestPlanMatrix(environments, roles, optIn);
    expect(matrix('{staging: arn}')).toThrow('AWS_PLAN_ROLES is not JSON');
    expect(matrix('["staging"]')).toThrow('AWS_PLAN_ROLES must be a JSON object');
    expect(matrix(JSON.stringify({ prod: PRODUCTION_ROLE, staging: 'campaign-aam-plan' }))).toThrow(
      'AWS_PLAN_ROLES: no environment named "prod" (did you mean "production"?); known: dev, production, staging; "staging": "campaign-aam-plan" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
    );
    expect(matrix(both, 'stagin,production')).toThrow(
      'AWS_PLAN_PLAINTEXT_STATE: no environment named "stagin" (did you mean "staging"?); known: dev, production, staging; "production" has accessKey.pgpPublicKey: its state holds no plaintext secret, so it needs no opt-in',
    );
  });
});

describe("the deploy's plan target", () => {
  it('is the plan role and region of any environment, plaintext state or not (the deploy runs main)', () => {
    expect(deployPlanTarget(environments, both, 'staging')).toEqual({
      environment: 'staging',
      role: STAGING_ROLE,
      region: 'eu-west-1',
    });
  });

  it('says which role is missing', () => {
    expect(() => deployPlanTarget(environments, both, 'dev')).toThrow(
      'AWS_PLAN_ROLES has no plan role for "dev": the deploy plans with it, and shows that plan for approval before applying it',
    );
  });
});
