import type { Environment } from '../../../config/environment';
import { planMatrix } from '../../../github/plan-matrix';
import { loadExamples } from '../../support/examples';

let environments: Environment[];
beforeAll(async () => {
  environments = await loadExamples();
});
const STAGING_ROLE = 'arn:aws:iam::210987654321:role/campaign-aam-plan';
const PRODUCTION_ROLE = 'arn:aws:iam::123456789012:role/campaign-aam-plan';

describe('the pull-request plan matrix (AWS_PLAN_ROLES)', () => {
  it('is empty when no role is configured: the review runs without credentials', () => {
    expect(planMatrix(environments, undefined)).toEqual([]);
    expect(planMatrix(environments, '')).toEqual([]);
  });

  it("lists the environments that have a role, with each one's region, in the given order", () => {
    expect(planMatrix(environments, JSON.stringify({ production: PRODUCTION_ROLE, staging: STAGING_ROLE }))).toEqual([
      { environment: 'production', role: PRODUCTION_ROLE, region: 'eu-west-1', position: 1 },
      { environment: 'staging', role: STAGING_ROLE, region: 'eu-west-1', position: 2 },
    ]);
  });

  it('names every mistake in the variable', () => {
    expect(() => planMatrix(environments, '{staging: arn}')).toThrow('AWS_PLAN_ROLES is not JSON');
    expect(() => planMatrix(environments, '["staging"]')).toThrow('AWS_PLAN_ROLES must be a JSON object');
    expect(() =>
      planMatrix(environments, JSON.stringify({ prod: PRODUCTION_ROLE, staging: 'campaign-aam-plan' })),
    ).toThrow(
      'AWS_PLAN_ROLES: no environment named "prod" (did you mean "production"?); known: dev, production, staging; "staging": "campaign-aam-plan" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
    );
  });
});
