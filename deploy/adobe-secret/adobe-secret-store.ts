import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { Environment } from '../../config/environment';
import {
  ADOBE_ACCOUNTS,
  adobeSecretName,
  type AdobeAccount,
  type AdobeProvisionedReceiver,
  isAdobeProvisioned,
} from '../../config/receiver-mode';

/** Why a secret cannot be stored or read; the message says what to do and never holds the secret. */
export class AdobeSecretError extends Error {}

/** The environment or account named has no place for Adobe's secret: the caller's mistake. */
export class AdobeSecretPlaceError extends AdobeSecretError {}

/** One account's place for Adobe's secret, with the key it belongs to. */
export interface AdobeSecretPlace {
  readonly account: AdobeAccount;
  readonly accessKeyId: string;
  readonly secretName: string;
}

/**
 * The places `npm run secret -- set` writes to. Accounts that share one key share one value, so
 * without `account` every account is set when both use the same key ID; with two different keys,
 * the account must be named (each secret belongs to its own key).
 */
export function adobeSecretPlaces(env: Environment, account?: AdobeAccount): AdobeSecretPlace[] {
  if (!isAdobeProvisioned(env)) {
    throw new AdobeSecretPlaceError(
      `${env.name} has the stack's own receiver (\`receiver.mode: "stack-owned"\`): its key and secret come from the deploy outputs, so there is no secret to set; \`npm run secret\` is for a receiver Adobe provisioned`,
    );
  }
  const places = ADOBE_ACCOUNTS.map((a) => adobeSecretPlace(env, a));
  if (account !== undefined) return places.filter((p) => p.account === account);
  if (places[0].accessKeyId !== places[1].accessKeyId) {
    throw new AdobeSecretPlaceError(
      `the import and export accounts of ${env.name} use different keys (${places[0].accessKeyId}, ${places[1].accessKeyId}): name the one whose secret you give with \`--account import\` or \`--account export\``,
    );
  }
  return places;
}

/** One account's place (the environment has Adobe's receiver). */
export function adobeSecretPlace(
  env: Environment & { readonly receiver: AdobeProvisionedReceiver },
  account: AdobeAccount,
): AdobeSecretPlace {
  return { account, accessKeyId: env.receiver[account].accessKeyId, secretName: adobeSecretName(env.name, account) };
}

/** The AWS SDK's error name, for the messages. */
const errorName = (error: unknown) => (error instanceof Error ? error.name : String(error));

function explain(error: unknown, place: AdobeSecretPlace, environment: string): AdobeSecretError {
  const name = errorName(error);
  if (name === 'ResourceNotFoundException') {
    return new AdobeSecretError(
      `Secrets Manager has no secret ${place.secretName}: deploy the environment first (\`npm run deploy -- ${environment}\`), which declares it`,
    );
  }
  if (name === 'AccessDeniedException' || name === 'KMSAccessDeniedException') {
    return new AdobeSecretError(
      `not allowed to use the secret ${place.secretName} (${name}): the credentials need secretsmanager:PutSecretValue / GetSecretValue on it${name.startsWith('KMS') ? ', and kms:Encrypt / Decrypt on its KMS key' : ''}`,
    );
  }
  return new AdobeSecretError(`Secrets Manager refused ${place.secretName}: ${name}`);
}

/** Stores the secret as a new version of the place; returns that version's ID. */
export async function storeAdobeSecret(
  client: SecretsManagerClient,
  place: AdobeSecretPlace,
  secret: string,
  environment: string,
): Promise<string> {
  try {
    const stored = await client.send(new PutSecretValueCommand({ SecretId: place.secretName, SecretString: secret }));
    return stored.VersionId!;
  } catch (error) {
    throw explain(error, place, environment);
  }
}

/** The stored secret of a place (current version), for the connection check. */
export async function readAdobeSecret(
  client: SecretsManagerClient,
  place: AdobeSecretPlace,
  environment: string,
): Promise<{ secret: string; versionId: string }> {
  let read;
  try {
    read = await client.send(new GetSecretValueCommand({ SecretId: place.secretName }));
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException' && /value|staging label/i.test((error as Error).message)) {
      throw new AdobeSecretError(
        `the secret ${place.secretName} has no value yet: store Adobe's secret with \`npm run secret -- set ${environment}\``,
      );
    }
    throw explain(error, place, environment);
  }
  if (read.SecretString === undefined || read.SecretString === '') {
    throw new AdobeSecretError(
      `the secret ${place.secretName} has no value yet: store Adobe's secret with \`npm run secret -- set ${environment}\``,
    );
  }
  return { secret: read.SecretString, versionId: read.VersionId! };
}

/**
 * What a secret access key looks like: AWS's are 40 characters of base64. The check keeps an
 * access key ID, an empty line or a pasted paragraph from being stored; its message never repeats
 * the input.
 */
export function secretProblem(secret: string, place: AdobeSecretPlace): string | undefined {
  if (secret === '') return 'no secret was given (standard input was empty)';
  if (secret === place.accessKeyId || /^(?:AKIA|ASIA)[A-Z0-9]{16}$/.test(secret))
    return 'that is an access key ID, not the secret access key';
  if (!/^[A-Za-z0-9/+=]{20,128}$/.test(secret))
    return 'a secret access key is one line of 20-128 letters, digits and / + = (AWS issues 40), with nothing else on the line';
  return undefined;
}
