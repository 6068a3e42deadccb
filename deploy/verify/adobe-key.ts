import type { Environment } from '../../config/environment';
import type { AdobeProvisionedReceiver } from '../../config/receiver-mode';
import { awsClients } from '../../runtime/aws-clients';
import { adobeSecretPlace, readAdobeSecret } from '../adobe-secret/adobe-secret-store';
import type { IssuedKey } from './issued-key';

/**
 * The key of the import account that Adobe provisioned: the access key ID from the environment
 * file, the secret from the Secrets Manager secret the stack declares (stored with `npm run
 * secret`), read with the credentials `npm run deploy` uses. The secret stays in memory.
 */
export async function adobeImportKey(
  env: Environment & { readonly receiver: AdobeProvisionedReceiver },
): Promise<IssuedKey & { readonly versionId: string }> {
  const place = adobeSecretPlace(env, 'import');
  const clients = awsClients(env);
  try {
    const { secret, versionId } = await readAdobeSecret(clients.secretsManager, place, env.name);
    return { accessKeyId: place.accessKeyId, secretAccessKey: secret, versionId };
  } finally {
    clients.destroy();
  }
}
