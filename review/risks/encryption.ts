import type { ResourceChange } from '../model';
import { arrow } from '../format';
import { field, kept, resourcesOf, type RiskFinding, type RiskRule } from './rule';

/** Stronger is higher: a customer-managed KMS key limits who can decrypt; AES256 does not. */
const STRENGTH: Readonly<Record<string, number>> = { 'aws:kms:dsse': 3, 'aws:kms': 2, AES256: 1 };

const settings = (value: ResourceChange['before']) => {
  const byDefault = field(value, 'rule', 'apply_server_side_encryption_by_default');
  return { algorithm: field(byDefault, 'sse_algorithm'), key: field(byDefault, 'kms_master_key_id') };
};

function weakened(c: ResourceChange): RiskFinding[] {
  const before = settings(c.before);
  const after = settings(c.after);
  if (typeof before.algorithm !== 'string') return [];
  if (after.algorithm === undefined || after.algorithm === null) {
    return [{ address: c.address, what: 'default encryption removed' }];
  }
  if (typeof after.algorithm === 'string' && (STRENGTH[after.algorithm] ?? 0) < (STRENGTH[before.algorithm] ?? 0)) {
    return [{ address: c.address, what: `default encryption weakened: ${arrow(before.algorithm, after.algorithm)}` }];
  }
  if (
    typeof before.key === 'string' &&
    before.key !== '' &&
    (after.key === undefined || after.key === null || after.key === '')
  ) {
    return [{ address: c.address, what: 'customer-managed KMS key removed (S3 falls back to the AWS-managed key)' }];
  }
  return [];
}

export const encryptionWeakened: RiskRule = {
  id: 'encryption-weakened',
  title: 'Encryption weakened or removed',
  why: 'New segment files are stored with weaker protection: the customer-managed KMS key is what limits who can decrypt them, and audits expect it.',
  check: (env) => resourcesOf(env, 'aws_s3_bucket_server_side_encryption_configuration').filter(kept).flatMap(weakened),
};
