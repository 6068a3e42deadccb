import type { BucketSetting } from '../config/adopt';

/**
 * How `terraform import` (and an `import` block's `id`) names an existing resource, by resource
 * type, as the AWS provider 5.x documents it. One table for the stack's adoption import blocks and
 * for `npm run adopt` and `npm run recover`, which compute the same IDs from synthesized Terraform.
 */
export const IMPORT_IDS = {
  /** The bucket, and each per-bucket setting resource, are imported by the bucket's name. */
  bucket: (bucket: string) => bucket,
  iamUser: (name: string) => name,
  iamGroup: (name: string) => name,
  iamPolicy: (arn: string) => arn,
  iamGroupPolicyAttachment: (group: string, policyArn: string) => `${group}/${policyArn}`,
  iamUserGroupMembership: (user: string, groups: readonly string[]) => [user, ...groups].join('/'),
  route53Record: (zoneId: string, name: string, type: string) => `${zoneId}_${name}_${type}`,
} as const;

/** A resource's arguments as Terraform names them (snake_case), with references resolved where known. */
export type TerraformAttributes = Readonly<Record<string, unknown>>;

const text = (a: TerraformAttributes, key: string): string | undefined =>
  typeof a[key] === 'string' ? (a[key] as string) : undefined;

const allDefined = <T>(values: (T | undefined)[]): values is T[] => values.every((v) => v !== undefined);

/** The Terraform resource type of each per-bucket setting; each is imported by its `bucket`. */
export const BUCKET_SETTING_TYPES: Readonly<Record<BucketSetting, string>> = {
  publicAccessBlock: 'aws_s3_bucket_public_access_block',
  ownershipControls: 'aws_s3_bucket_ownership_controls',
  encryption: 'aws_s3_bucket_server_side_encryption_configuration',
  versioning: 'aws_s3_bucket_versioning',
  lifecycle: 'aws_s3_bucket_lifecycle_configuration',
  policy: 'aws_s3_bucket_policy',
  notifications: 'aws_s3_bucket_notification',
  logging: 'aws_s3_bucket_logging',
};

const byType: Record<string, (a: TerraformAttributes) => string | undefined> = {
  aws_s3_bucket: (a) => text(a, 'bucket'),
  ...Object.fromEntries(
    Object.values(BUCKET_SETTING_TYPES).map((type) => [type, (a: TerraformAttributes) => text(a, 'bucket')]),
  ),
  aws_iam_user: (a) => text(a, 'name'),
  aws_iam_group: (a) => text(a, 'name'),
  aws_iam_policy: (a) => text(a, 'arn'),
  aws_iam_group_policy_attachment: (a) => {
    const [group, arn] = [text(a, 'group'), text(a, 'policy_arn')];
    return group === undefined || arn === undefined ? undefined : IMPORT_IDS.iamGroupPolicyAttachment(group, arn);
  },
  aws_iam_user_group_membership: (a) => {
    const user = text(a, 'user');
    const groups = Array.isArray(a.groups) ? a.groups.map((g) => (typeof g === 'string' ? g : undefined)) : [];
    return user === undefined || groups.length === 0 || !allDefined(groups)
      ? undefined
      : IMPORT_IDS.iamUserGroupMembership(user, groups);
  },
  aws_route53_record: (a) => {
    const [zone, name, type] = [text(a, 'zone_id'), text(a, 'name'), text(a, 'type')];
    return zone === undefined || name === undefined || type === undefined
      ? undefined
      : IMPORT_IDS.route53Record(zone, name, type);
  },
};

/**
 * The import ID of a resource of `type` with these attributes, or undefined when the type cannot
 * be imported meaningfully (an access key's secret cannot be imported) or an attribute is unknown.
 */
export function importIdOf(type: string, attributes: TerraformAttributes): string | undefined {
  return byType[type]?.(attributes);
}

const SETTING_OF_TYPE = new Map(
  Object.entries(BUCKET_SETTING_TYPES).map(([setting, type]) => [type, setting as BucketSetting]),
);

/** The bucket setting a resource type declares, if it is one. */
export const bucketSettingOf = (type: string): BucketSetting | undefined => SETTING_OF_TYPE.get(type);
