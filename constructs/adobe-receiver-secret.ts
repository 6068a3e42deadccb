import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { Construct } from 'constructs';

export interface AdobeReceiverSecretProps {
  /** The secret's name, e.g. `campaign-aam-production/import-secret-access-key`. */
  readonly name: string;
  /** The external account the key serves, for the description. */
  readonly accountName: string;
  /** The access key ID Adobe sent; the secret holds the matching secret access key. */
  readonly accessKeyId: string;
  /**
   * Customer-managed KMS key that encrypts the secret.
   * @default - Secrets Manager's AWS-managed key (`aws/secretsmanager`)
   */
  readonly kmsKeyArn?: string;
}

/**
 * The place for a secret access key that Adobe sent: a Secrets Manager secret with no version. Its
 * value is stored with the AWS SDK (`npm run secret -- set`), never through Terraform, so it is in
 * no synthesized file, plan or state. The description names the key ID, so a new key from Adobe
 * shows in the plan on the secret too, next to the external account's recorded key ID.
 */
export class AdobeReceiverSecret extends Construct {
  readonly secret: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: AdobeReceiverSecretProps) {
    super(scope, id);
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      name: props.name,
      description: `Secret access key of ${props.accessKeyId}, the AWS access key Adobe sent for the ${props.accountName} external account`,
      kmsKeyId: props.kmsKeyArn,
    });
  }
}
