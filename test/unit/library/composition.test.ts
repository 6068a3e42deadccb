import { App, TerraformStack, Testing } from 'cdktf';
import { CampaignAamIntegration, parseEnvironmentConfig, type EnvironmentConfig } from '../../../index';
import { distinctFile } from '../../support/environment';

const environment = (name: string) => parseEnvironmentConfig(distinctFile(name) as EnvironmentConfig, name);

/** The synthesized stack's resources: type → logical ID → resource. */
const resourcesOf = (stack: TerraformStack): Record<string, Record<string, any>> =>
  JSON.parse(Testing.synth(stack)).resource;

const count = (resources: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(resources).map(([type, byId]) => [type, Object.keys(byId).length]));

describe('CampaignAamIntegration composed into stacks of an app', () => {
  let alone: Record<string, Record<string, any>>;
  beforeAll(async () => {
    const stack = new TerraformStack(Testing.app(), 'alone');
    new CampaignAamIntegration(stack, 'campaign', await environment('dev'));
    alone = resourcesOf(stack);
  });

  it('puts two instances in one stack side by side: every resource of each, none merged or renamed', async () => {
    const stack = new TerraformStack(Testing.app(), 'shop');
    new CampaignAamIntegration(stack, 'campaign-dev', await environment('dev'));
    new CampaignAamIntegration(stack, 'campaign-staging', await environment('staging'));
    const both = resourcesOf(stack);

    expect(count(both)).toEqual(Object.fromEntries(Object.entries(count(alone)).map(([type, n]) => [type, 2 * n])));
    const names = Object.values(both.aws_iam_user).map((user) => user.name);
    expect(names.sort()).toEqual(['campaign-aam-dev', 'campaign-aam-staging']);
    const buckets = Object.values(both.aws_s3_bucket).map((bucket) => bucket.bucket);
    expect(buckets.sort()).toEqual(['initech-campaign-aam-dev', 'initech-campaign-aam-staging']);
  });

  it('gives the same construct ID in two stacks of one app two independent stacks', async () => {
    const app: App = Testing.app();
    const first = new TerraformStack(app, 'first');
    const second = new TerraformStack(app, 'second');
    new CampaignAamIntegration(first, 'campaign', await environment('dev'));
    new CampaignAamIntegration(second, 'campaign', await environment('staging'));

    const [a, b] = [resourcesOf(first), resourcesOf(second)];
    expect(count(a)).toEqual(count(alone));
    expect(count(b)).toEqual(count(alone));
    expect(Object.values(a.aws_iam_user).map((user) => user.name)).toEqual(['campaign-aam-dev']);
    expect(Object.values(b.aws_iam_user).map((user) => user.name)).toEqual(['campaign-aam-staging']);
  });
});
