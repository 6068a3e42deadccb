import { arrow } from '../format';
import { field, kept, resourcesOf, type RiskRule } from './rule';

const status = (value: Parameters<typeof field>[0]) => field(value, 'versioning_configuration', 'status');

export const versioningSuspended: RiskRule = {
  id: 'versioning-suspended',
  title: 'Versioning suspended',
  why: 'Overwritten or deleted segment files can no longer be recovered, and the noncurrent-version lifecycle rule stops protecting anything.',
  check: (env) =>
    resourcesOf(env, 'aws_s3_bucket_versioning')
      .filter((c) => kept(c) && status(c.before) === 'Enabled' && status(c.after) !== 'Enabled')
      .map((c) => ({ address: c.address, what: `versioning ${arrow(status(c.before), status(c.after))}` })),
};
