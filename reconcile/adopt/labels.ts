import { textOf, texts } from '../lookups/attributes';
import type { DeclaredResource } from '../lookups/declared-resources';
import type { BucketSetting } from '../../config/adopt';
import { bucketSettingOf } from '../../stacks/import-ids';

const SETTING_LABELS: Record<BucketSetting, string> = {
  publicAccessBlock: 'public access block',
  ownershipControls: 'ownership controls',
  encryption: 'default encryption',
  versioning: 'versioning',
  lifecycle: 'lifecycle rules',
  policy: 'bucket policy',
  notifications: 'event notifications',
  logging: 'access logging',
};

/** A resource as a reviewer reads it: `S3 bucket x`, `versioning of x`, `CNAME record t.example.com`. */
export function labelOf(resource: DeclaredResource): string {
  const a = (key: string) => textOf(resource, key);
  const setting = bucketSettingOf(resource.type);
  if (setting !== undefined) return `${SETTING_LABELS[setting]} of ${a('bucket')}`;
  switch (resource.type) {
    case 'aws_s3_bucket':
      return `S3 bucket ${a('bucket')}`;
    case 'aws_iam_user':
      return `IAM user ${a('name')}`;
    case 'aws_iam_group':
      return `IAM group ${a('name')}`;
    case 'aws_iam_policy':
      return `IAM policy ${a('name')}`;
    case 'aws_iam_group_policy_attachment':
      return `policy attachment to group ${a('group')}`;
    case 'aws_iam_user_group_membership':
      return `membership of ${a('user')} in ${texts(resource.attributes, 'groups').join(', ')}`;
    case 'aws_iam_access_key':
      return `access key of ${a('user')} (${resource.address})`;
    case 'aws_route53_record':
      return `${a('type')} record ${a('name')}`;
    default:
      return resource.address;
  }
}
