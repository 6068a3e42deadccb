import type { ResourceChange } from '../model';
import { arrow, code } from '../format';
import { publicStatements } from './policy-documents';
import { field, kept, resourcesOf, type RiskFinding, type RiskRule } from './rule';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

function blockFlagsOff(c: ResourceChange): RiskFinding[] {
  const off = FLAGS.filter((flag) => field(c.before, flag) === true && field(c.after, flag) !== true);
  return off.length === 0
    ? []
    : [{ address: c.address, what: `public-access block: ${off.map(code).join(', ')} turned off` }];
}

function aclsEnabled(c: ResourceChange): RiskFinding[] {
  const before = field(c.before, 'rule', 'object_ownership');
  const after = field(c.after, 'rule', 'object_ownership');
  return before === 'BucketOwnerEnforced' && after !== 'BucketOwnerEnforced'
    ? [{ address: c.address, what: `ACLs enabled: object ownership ${arrow(before, after)}` }]
    : [];
}

function publicPolicy(c: ResourceChange): RiskFinding[] {
  const before = new Set(publicStatements(field(c.before, 'policy')).map((s) => JSON.stringify(s)));
  const added = publicStatements(field(c.after, 'policy')).filter((s) => !before.has(JSON.stringify(s)));
  return added.map((s) => ({
    address: c.address,
    what: `bucket policy allows anyone (${code('Principal: *')})${s.Sid === undefined ? '' : ` in statement ${code(s.Sid)}`}`,
  }));
}

function publicAcl(c: ResourceChange): RiskFinding[] {
  const after = field(c.after, 'acl');
  return typeof after === 'string' && PUBLIC_ACLS.has(after) && field(c.before, 'acl') !== after
    ? [{ address: c.address, what: `bucket ACL ${code(after)}` }]
    : [];
}

export const publicAccessOpened: RiskRule = {
  id: 'public-access-opened',
  title: 'Public access opened',
  why: 'Anyone on the internet could list or read the audience files: the visitor and CRM IDs in them are personal data.',
  check: (env) => [
    ...resourcesOf(env, 'aws_s3_bucket_public_access_block').filter(kept).flatMap(blockFlagsOff),
    ...resourcesOf(env, 'aws_s3_bucket_ownership_controls').filter(kept).flatMap(aclsEnabled),
    ...resourcesOf(env, 'aws_s3_bucket_policy')
      .filter((c) => c.after !== undefined)
      .flatMap(publicPolicy),
    ...resourcesOf(env, 'aws_s3_bucket_acl')
      .filter((c) => c.after !== undefined)
      .flatMap(publicAcl),
  ],
};
