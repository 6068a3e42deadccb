import { IamAccessKey } from '@cdktf/provider-aws/lib/iam-access-key';
import { IamUser } from '@cdktf/provider-aws/lib/iam-user';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { App, DataResource, TerraformOutput, TerraformStack } from 'cdktf';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variable, VARIABLES } from '../../runtime/environment-variables';

/** The few values a floor stack takes from an environment file (read as plain JSON, unvalidated). */
interface FloorEnvironment {
  readonly name: string;
  readonly region: string;
  readonly bucketName: string;
  readonly hostedZoneId: string;
  readonly trackingHost: string;
}

function readFloorEnvironments(directory: string): FloorEnvironment[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const env = JSON.parse(readFileSync(join(directory, file), 'utf8'));
      return {
        name: file.replace(/\.json$/, ''),
        region: env.aws.region,
        bucketName: env.receiver.bucketName,
        hostedZoneId: env.dns.hostedZoneId,
        trackingHost: env.dns.trackingServer.records[0].hostname,
      };
    });
}

/**
 * What a bare cdktf app needs for an environment of the same kind as ours: 10 AWS resources,
 * 6 `terraform_data` records and one output, written the plain way, with no checks or documents.
 */
class FloorStack extends TerraformStack {
  constructor(scope: App, env: FloorEnvironment) {
    super(scope, env.name);
    new AwsProvider(this, 'aws', { region: env.region });
    const bucket = new S3Bucket(this, 'bucket', { bucket: env.bucketName });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket: bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    });
    new S3BucketVersioningA(this, 'versioning', {
      bucket: bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: bucket.id,
      rule: [{ id: 'expire', status: 'Enabled', filter: [{ prefix: 'campaign-aam/' }], expiration: [{ days: 30 }] }],
    });
    new S3BucketPolicy(this, 'policy', {
      bucket: bucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [`arn:aws:s3:::${env.bucketName}`, `arn:aws:s3:::${env.bucketName}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      }),
    });
    const user = new IamUser(this, 'user', { name: `campaign-aam-${env.name}` });
    const key = new IamAccessKey(this, 'key', { user: user.name });
    new Route53Record(this, 'tracking', {
      zoneId: env.hostedZoneId,
      name: env.trackingHost,
      type: 'CNAME',
      ttl: 300,
      records: [`${env.name}.campaign.adobe.com`],
    });
    for (const setting of ['request', 'import', 'export', 'visitor-id', 'declared-id', 'visitor-service']) {
      new DataResource(this, setting, { input: { kind: setting, accessKeyId: key.id, bucket: env.bucketName } });
    }
    new TerraformOutput(this, 'access_key_id', { value: key.id });
  }
}

/**
 * Synthesizes one floor stack per environment file in `CAMPAIGN_AAM_ENVIRONMENTS` into
 * `CDKTF_OUTDIR`, like our app. `validations: false` is the lean floor; `true` leaves cdktf's
 * validations on, where every `terraform_data` spawns `terraform version` (the naive floor).
 */
export function synthesizeFloor(validations: boolean): void {
  const directory = variable(VARIABLES.environments);
  if (directory === undefined) throw new Error(`${VARIABLES.environments} must name the environments folder`);
  const app = new App({ skipValidation: !validations });
  for (const env of readFloorEnvironments(directory)) new FloorStack(app, env);
  app.synth();
}
