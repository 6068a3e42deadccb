import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import type { BucketSetting } from '../config/adopt';
import { bucketArn, policyDocument } from './iam-policy-document';

export interface ReceiverBucketProps {
  /**
   * Globally unique bucket name; validated by the environment schema (S3's rules, and no dots: a
   * dotted name breaks TLS for `<bucket>.s3.amazonaws.com`).
   */
  readonly bucketName: string;
  /** Folder under which Campaign and Audience Manager exchange segment files, e.g. `campaign-aam/`. */
  readonly prefix: string;
  /** Days after which segment files under `prefix` expire. */
  readonly segmentRetentionDays: number;
  /** Days after which overwritten (noncurrent) versions expire; applies while `versioning` is on. */
  readonly noncurrentVersionRetentionDays: number;
  /** Days after which unfinished multipart uploads are aborted. */
  readonly abortIncompleteMultipartUploadDays: number;
  /**
   * Keep every version of every object. The schema does not allow `false` in production.
   * @default true
   */
  readonly versioning?: boolean;
  /**
   * Let `destroy` delete a bucket that still holds objects. Only for throw-away environments: the
   * schema does not allow `true` in production.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Encrypt with this customer-managed KMS key (SSE-KMS with an S3 bucket key). A key ARN (not an
   * alias) in the bucket's region; give the same key to `ReceiverAccessKey`, or the key cannot
   * read what it writes.
   * @default - SSE-S3 (AES256), as Audience Manager's own S3 deliveries use
   */
  readonly kmsKeyArn?: string;
  /**
   * Write server access logs to this bucket and prefix. The target bucket is not created here: it
   * must exist in the same region and account, with SSE-S3 encryption, and must not be this bucket.
   * @default - no access logs
   */
  readonly accessLogs?: { readonly bucketName: string; readonly prefix: string };
  /**
   * Publish object events to Amazon EventBridge, so automation can react when Adobe or Campaign
   * drops a segment file (and so that every change to audience data leaves an event). `CampaignAamIntegration`
   * turns it off for an emulator environment (moto does not store it: a perpetual diff).
   * @default true
   */
  readonly eventBridgeNotifications?: boolean;
}

/**
 * The S3 bucket that Campaign and Audience Manager exchange segment files through. Secure by
 * default: never public, ACLs disabled, encrypted, versioned, TLS-only, with lifecycle rules so
 * audience data does not accumulate forever.
 */
export class ReceiverBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly bucketName: string;
  readonly prefix: string;
  /** The per-bucket setting resources it declares, by setting (adoption imports them by name). */
  readonly settings: ReadonlyMap<BucketSetting, TerraformResource>;

  constructor(scope: Construct, id: string, props: ReceiverBucketProps) {
    super(scope, id);
    this.bucketName = props.bucketName;
    this.prefix = props.prefix;

    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
    });
    const bucket = this.bucket.id;
    const settings = new Map<BucketSetting, TerraformResource>();
    this.settings = settings;

    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    settings.set('publicAccessBlock', publicAccessBlock);

    settings.set(
      'ownershipControls',
      new S3BucketOwnershipControls(this, 'ownership-controls', {
        bucket,
        rule: { objectOwnership: 'BucketOwnerEnforced' },
      }),
    );

    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
        props.kmsKeyArn === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
          : {
              applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn },
              bucketKeyEnabled: true,
            },
      ],
    });
    settings.set('encryption', encryption);

    const versioning = new S3BucketVersioningA(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: (props.versioning ?? true) ? 'Enabled' : 'Suspended' },
    });
    settings.set('versioning', versioning);

    const lifecycle = new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      // Lifecycle rules on a versioned bucket must wait for versioning, or the first apply races.
      dependsOn: [versioning],
      rule: [
        {
          id: 'expire-segment-files',
          status: 'Enabled',
          filter: [{ prefix: props.prefix }],
          expiration: [{ days: props.segmentRetentionDays }],
        },
        {
          id: 'expire-noncurrent-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionRetentionDays }],
        },
        {
          id: 'abort-incomplete-multipart-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: props.abortIncompleteMultipartUploadDays }],
        },
      ],
    });
    settings.set('lifecycle', lifecycle);

    const arn = bucketArn(props.bucketName);
    const policy = new S3BucketPolicy(this, 'policy', {
      bucket,
      // A policy applied before the public access block could be judged public and rejected.
      dependsOn: [publicAccessBlock],
      policy: policyDocument(
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*'],
          Resource: [arn, `${arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'DenyOutdatedTls',
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*'],
          Resource: [arn, `${arn}/*`],
          Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
        },
      ),
    });
    settings.set('policy', policy);

    if (props.eventBridgeNotifications ?? true) {
      settings.set('notifications', new S3BucketNotification(this, 'notifications', { bucket, eventbridge: true }));
    }

    if (props.accessLogs !== undefined) {
      settings.set(
        'logging',
        new S3BucketLoggingA(this, 'access-logs', {
          bucket,
          targetBucket: props.accessLogs.bucketName,
          targetPrefix: props.accessLogs.prefix,
        }),
      );
    }
  }
}
