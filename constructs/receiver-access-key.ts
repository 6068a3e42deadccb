import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamGroup } from '@cdktf/provider-aws/lib/iam-group';
import { IamGroupPolicyAttachment } from '@cdktf/provider-aws/lib/iam-group-policy-attachment';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { IamUserGroupMembership } from '@cdktf/provider-aws/lib/iam-user-group-membership';
import { Construct } from 'constructs';
import { bucketArn, policyDocument, type PolicyStatement } from './iam-policy-document';

export interface ReceiverAccessKeyProps {
  /** Base for the IAM user, group and policy names, e.g. `campaign-aam-production`. */
  readonly name: string;
  /**
   * The IAM user's name, when it differs from `name` (an adopted, hand-made user keeps its own).
   * @default - `name`
   */
  readonly userName?: string;
  /** The receiver bucket the key may use. */
  readonly bucketName: string;
  /** The only prefix the key may list, read, write and delete under. */
  readonly prefix: string;
  /**
   * Key slots to issue, at most two (IAM's limit per user). Two slots alive at once is what makes
   * a rotation without downtime possible.
   */
  readonly slots: readonly string[];
  /**
   * KMS key the bucket is encrypted with; the key then gets permission to use it.
   * @default - no KMS permissions (SSE-S3)
   */
  readonly kmsKeyArn?: string;
  /**
   * Encrypt the secret with this PGP public key (`keybase:<user>` or base64). The plaintext secret
   * then never enters Terraform state.
   * @default - the secret is stored in state in plain text, and exposed as a sensitive output
   */
  readonly pgpPublicKey?: string;
}

/**
 * The key may use the KMS key only through S3 in the key's region (SSE-KMS keys live in the bucket's
 * region): a leaked secret cannot decrypt or encrypt anything else with it directly.
 */
function kmsThroughS3(kmsKeyArn: string): Record<string, Record<string, string>> {
  const region = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):/.exec(kmsKeyArn)?.[1];
  return region === undefined
    ? { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } }
    : { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } };
}

/** Allow statements of the key's policy: the bucket and prefix only, named actions only. */
export function receiverKeyStatements(bucketName: string, prefix: string, kmsKeyArn?: string): PolicyStatement[] {
  const bucket = bucketArn(bucketName);
  const statements: PolicyStatement[] = [
    {
      Sid: 'ListIntegrationPrefix',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [bucket],
      Condition: { StringLike: { 's3:prefix': [prefix, `${prefix}*`] } },
    },
    { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: [bucket] },
    {
      Sid: 'ExchangeSegmentFiles',
      Effect: 'Allow',
      Action: [
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
        's3:ListMultipartUploadParts',
        's3:AbortMultipartUpload',
      ],
      Resource: [`${bucket}/${prefix}*`],
    },
  ];
  if (kmsKeyArn !== undefined) {
    statements.push({
      Sid: 'UseBucketKey',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: [kmsKeyArn],
      Condition: kmsThroughS3(kmsKeyArn),
    });
  }
  return statements;
}

/**
 * The identity Campaign's S3 external accounts sign in with: a dedicated IAM user without console
 * access, whose permissions come only through a group, limited to the integration's prefix.
 */
export class ReceiverAccessKey extends Construct {
  readonly user: IamUser;
  /** The IAM user's name (`userName`, else `name`). */
  readonly userName: string;
  readonly group: IamGroup;
  readonly policy: IamPolicy;
  /** The access keys by slot name. */
  readonly keys: ReadonlyMap<string, IamAccessKey>;

  constructor(scope: Construct, id: string, props: ReceiverAccessKeyProps) {
    super(scope, id);

    this.userName = props.userName ?? props.name;
    this.user = new IamUser(this, 'user', { name: this.userName, path: '/campaign-aam/' });
    this.group = new IamGroup(this, 'group', { name: props.name, path: '/campaign-aam/' });
    this.policy = new IamPolicy(this, 'policy', {
      name: props.name,
      path: '/campaign-aam/',
      description: `Campaign/Audience Manager segment exchange in s3://${props.bucketName}/${props.prefix}`,
      policy: policyDocument(...receiverKeyStatements(props.bucketName, props.prefix, props.kmsKeyArn)),
    });
    new IamGroupPolicyAttachment(this, 'group-policy', { group: this.group.name, policyArn: this.policy.arn });
    new IamUserGroupMembership(this, 'membership', { user: this.user.name, groups: [this.group.name] });

    this.keys = new Map(
      props.slots.map((slot) => [
        slot,
        new IamAccessKey(this, `key-${slot}`, { user: this.user.name, pgpKey: props.pgpPublicKey }),
      ]),
    );
  }
}
