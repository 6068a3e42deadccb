/**
 * The IAM actions the look-ups of `npm run adopt` and `npm run recover` call: all of them read.
 * AWS's managed `ReadOnlyAccess` policy grants them; a tighter policy can list exactly these.
 */
export const LOOKUP_ACTIONS = [
  'sts:GetCallerIdentity',
  's3:ListBucket',
  's3:GetBucketPublicAccessBlock',
  's3:GetBucketOwnershipControls',
  's3:GetEncryptionConfiguration',
  's3:GetBucketVersioning',
  's3:GetLifecycleConfiguration',
  's3:GetBucketPolicy',
  's3:GetBucketNotification',
  's3:GetBucketLogging',
  's3:GetBucketAcl',
  's3:GetBucketTagging',
  's3:GetObject',
  'iam:GetUser',
  'iam:ListUsers',
  'iam:ListUserPolicies',
  'iam:GetUserPolicy',
  'iam:ListAttachedUserPolicies',
  'iam:ListGroupsForUser',
  'iam:ListAccessKeys',
  'iam:GetAccessKeyLastUsed',
  'iam:GetLoginProfile',
  'iam:ListUserTags',
  'iam:GetGroup',
  'iam:ListAttachedGroupPolicies',
  'iam:GetPolicy',
  'iam:GetPolicyVersion',
  'route53:ListResourceRecordSets',
] as const;
