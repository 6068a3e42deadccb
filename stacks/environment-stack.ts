import { Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Environment } from '../config/environment';
import { CampaignAamIntegration } from '../constructs/campaign-aam-integration';
import { PolicyChecks } from '../policy';
import { importAdoptedResources } from './adoption-imports';
import { awsProvider } from './aws-provider';
import { configureBackend } from './backend';
import { prepareWithoutResolving } from '../cdktf-internals/preparing-pass';
import { OUTPUTS } from '../campaign/output-names';

export interface EnvironmentStackProps {
  readonly environment: Environment;
  /** Folder that relative paths in the environment (local state) are resolved against. */
  readonly projectDir: string;
}

/** One Terraform stack per environment file: provider, backend, the integration and its outputs. */
export class EnvironmentStack extends TerraformStack {
  readonly integration: CampaignAamIntegration;

  constructor(scope: Construct, props: EnvironmentStackProps) {
    const env = props.environment;
    super(scope, env.name);
    awsProvider(this, env);
    configureBackend(this, env, props.projectDir);
    this.integration = new CampaignAamIntegration(this, 'integration', env);
    importAdoptedResources(this.integration, env);
    this.addCampaignOutputs(env);
    Aspects.of(this).add(new PolicyChecks());
  }

  /** The core's preparing pass, without the resolve it does for nothing here (see the function). */
  override prepareStack(): void {
    prepareWithoutResolving(this);
  }

  /** What a Campaign administrator copies into the external accounts after deploy. */
  private addCampaignOutputs(env: Environment): void {
    const output = (name: string, value: string, description: string, sensitive = false) =>
      new TerraformOutput(this, name, { value, description, sensitive });

    const { receiver } = env;
    if (receiver.mode === 'stack-owned') {
      output(OUTPUTS.bucket, receiver.bucketName, 'Receiver S3 bucket');
      output(OUTPUTS.region, env.aws.region, 'AWS Region field of both external accounts');
    }
    for (const account of [this.integration.importAccount, this.integration.exportAccount]) {
      const { name, direction, receiverServer } = account.props;
      output(
        direction === 'import' ? OUTPUTS.importReceiverServer : OUTPUTS.exportReceiverServer,
        receiverServer,
        `Receiver server of the ${name} external account`,
      );
    }
    if (receiver.mode === 'adobe-provisioned') {
      this.addAdobeOutputs();
      return;
    }
    output(OUTPUTS.activeSlot, env.accessKey.activeSlot, 'Key slot the external accounts should use');

    for (const [slot, key] of this.integration.accessKey!.keys) {
      output(OUTPUTS.accessKeyId(slot), key.id, `AWS Access Key ID of key slot ${slot}`);
      if (env.accessKey.pgpPublicKey === undefined) {
        output(OUTPUTS.secretAccessKey(slot), key.secret, `Secret Access Key of key slot ${slot} (sensitive)`, true);
      } else {
        output(
          OUTPUTS.encryptedSecretAccessKey(slot),
          key.encryptedSecret,
          `Secret Access Key of key slot ${slot}, encrypted to the configured PGP key (base64)`,
        );
      }
    }
    output(
      OUTPUTS.activeAccessKeyId,
      this.integration.importAccount.props.accessKeyId,
      'AWS Access Key ID field of both external accounts',
    );
  }

  /** Adobe's values, per account, and where each secret is kept (its ARN, never its value). */
  private addAdobeOutputs(): void {
    for (const account of [this.integration.importAccount, this.integration.exportAccount]) {
      const { name, direction, region, accessKeyId } = account.props;
      const names = OUTPUTS.adobe(direction);
      new TerraformOutput(this, names.region, {
        value: region,
        description: `AWS Region of the ${name} external account`,
      });
      new TerraformOutput(this, names.accessKeyId, {
        value: accessKeyId,
        description: `AWS Access Key ID of the ${name} external account (Adobe's key)`,
      });
      new TerraformOutput(this, names.secretArn, {
        value: this.integration.adobeSecrets.get(direction)!.secret.arn,
        description: `Secrets Manager secret that holds the ${name} account's secret access key (\`npm run secret -- set\` stores it)`,
      });
    }
  }
}
