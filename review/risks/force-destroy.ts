import { field, kept, resourcesOf, type RiskRule } from './rule';

export const forceDestroyOn: RiskRule = {
  id: 'force-destroy-on',
  title: '`force_destroy` turned on',
  why: 'A destroy (or a replacement) then deletes the bucket with every segment file and version in it, without stopping.',
  check: (env) =>
    resourcesOf(env, 'aws_s3_bucket')
      .filter((c) => kept(c) && field(c.before, 'force_destroy') !== true && field(c.after, 'force_destroy') === true)
      .map((c) => ({ address: c.address, what: '`force_destroy` false → true' })),
};
