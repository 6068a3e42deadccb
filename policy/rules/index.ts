import type { PolicyRule } from '../rule';
import { IamNoWildcardActions } from './iam-no-wildcard-actions';
import { IamNoWildcardResources } from './iam-no-wildcard-resources';
import { IamUserNoConsoleLogin } from './iam-user-no-console-login';
import { IamUserNoDirectPolicies } from './iam-user-no-direct-policies';
import { S3BucketEncrypted } from './s3-bucket-encrypted';
import { S3BucketOwnershipEnforced } from './s3-bucket-ownership-enforced';
import { S3BucketPublicAccessBlocked } from './s3-bucket-public-access-blocked';
import { S3BucketSslRequestsOnly } from './s3-bucket-ssl-requests-only';

/** Every policy rule checked at synth. */
export const POLICY_RULES: readonly PolicyRule[] = [
  S3BucketPublicAccessBlocked,
  S3BucketEncrypted,
  S3BucketSslRequestsOnly,
  S3BucketOwnershipEnforced,
  IamNoWildcardActions,
  IamNoWildcardResources,
  IamUserNoConsoleLogin,
  IamUserNoDirectPolicies,
];
