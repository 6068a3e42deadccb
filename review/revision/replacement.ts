/**
 * The arguments whose change makes Terraform replace a resource instead of updating it in place
 * (`ForceNew` in hashicorp/aws 5.x, `triggers_replace` for `terraform_data`), for the resource
 * types this project declares. A plan knows this itself; revision mode predicts it from here.
 * A type not listed is assumed to update in place.
 */
export const REPLACED_WHEN_CHANGED: Readonly<Record<string, readonly string[]>> = {
  aws_s3_bucket: ['bucket', 'bucket_prefix', 'object_lock_enabled'],
  aws_s3_bucket_public_access_block: ['bucket'],
  aws_s3_bucket_ownership_controls: ['bucket'],
  aws_s3_bucket_server_side_encryption_configuration: ['bucket', 'expected_bucket_owner'],
  aws_s3_bucket_versioning: ['bucket', 'expected_bucket_owner'],
  aws_s3_bucket_lifecycle_configuration: ['bucket', 'expected_bucket_owner'],
  aws_s3_bucket_policy: ['bucket'],
  aws_s3_bucket_notification: ['bucket'],
  aws_s3_bucket_logging: ['bucket', 'expected_bucket_owner'],
  aws_s3_bucket_acl: ['bucket', 'expected_bucket_owner'],
  aws_iam_user: [],
  aws_iam_group: [],
  aws_iam_policy: ['name', 'name_prefix', 'path', 'description'],
  aws_iam_group_policy_attachment: ['group', 'policy_arn'],
  aws_iam_user_policy_attachment: ['user', 'policy_arn'],
  aws_iam_user_group_membership: ['user'],
  aws_iam_access_key: ['user', 'pgp_key'],
  aws_route53_record: ['name', 'zone_id'],
  terraform_data: ['triggers_replace'],
};

/**
 * Attributes Terraform computes from others: a reference to `aws_iam_user.x.arn` changes when the
 * user's name or path does, and `terraform_data.x.output` when its input does.
 */
export const DERIVED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  id: ['name', 'bucket'],
  arn: ['name', 'path', 'bucket'],
  output: ['input'],
};
