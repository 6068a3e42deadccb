import { OUTPUTS } from '../../campaign/output-names';
import { splitReceiverServer } from '../../campaign/vocabulary';
import type { Environment } from '../../config/environment';
import { terraformSync } from '../../runtime/terraform';
import type { ConnectionTarget } from './connection-check';
import { emulatorEndpoint } from '../../runtime/emulator-environment';
import { variable, VARIABLES } from '../../runtime/environment-variables';

/** Why the key to check cannot be had; the message says what to do. */
export class IssuedKeyError extends Error {}

export interface IssuedKey {
  readonly accessKeyId: string;
  /** Never printed. */
  readonly secretAccessKey: string;
}

/** The stack's outputs, as `terraform output -json` gives them. */
export function terraformOutputs(stackDir: string) {
  const result = terraformSync(stackDir, ['output', '-json']);
  try {
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as Record<string, { value: unknown; sensitive: boolean }>;
  } catch {
    throw new IssuedKeyError(`cannot read the outputs of ${stackDir} (terraform output failed)`);
  }
}

/**
 * The key Campaign is told to use: from `CAMPAIGN_AAM_ACCESS_KEY_ID` and
 * `CAMPAIGN_AAM_SECRET_ACCESS_KEY` when set, otherwise from the deploy outputs (impossible when the
 * secret is PGP-encrypted: only its owner can decrypt it).
 */
export function issuedKey(env: Environment, stackDir: string, vars: NodeJS.ProcessEnv = process.env): IssuedKey {
  const accessKeyId = variable(VARIABLES.issuedKey.accessKeyId, vars);
  const secretAccessKey = variable(VARIABLES.issuedKey.secretAccessKey, vars);
  if (accessKeyId !== undefined && secretAccessKey !== undefined) return { accessKeyId, secretAccessKey };
  // Half a key is a mistake: checking the deployed key instead would test something else than meant.
  if (accessKeyId !== undefined || secretAccessKey !== undefined) {
    const missing = accessKeyId === undefined ? 'CAMPAIGN_AAM_ACCESS_KEY_ID' : 'CAMPAIGN_AAM_SECRET_ACCESS_KEY';
    throw new IssuedKeyError(
      `${missing} is not set: pass both CAMPAIGN_AAM_ACCESS_KEY_ID and CAMPAIGN_AAM_SECRET_ACCESS_KEY, or neither to use the deploy outputs`,
    );
  }
  if (env.accessKey.pgpPublicKey !== undefined) {
    throw new IssuedKeyError(
      'the secret is PGP-encrypted: decrypt it (see the setup sheet) and pass it in CAMPAIGN_AAM_ACCESS_KEY_ID and CAMPAIGN_AAM_SECRET_ACCESS_KEY',
    );
  }
  const deployFirst = `deploy it first with \`npm run deploy -- ${env.name}\`, or pass the key in CAMPAIGN_AAM_ACCESS_KEY_ID and CAMPAIGN_AAM_SECRET_ACCESS_KEY`;
  let outputs;
  try {
    outputs = terraformOutputs(stackDir);
  } catch (error) {
    throw error instanceof IssuedKeyError ? new IssuedKeyError(`${error.message}: ${deployFirst}`) : error;
  }
  const id = outputs[OUTPUTS.activeAccessKeyId]?.value;
  const secret = outputs[OUTPUTS.secretAccessKey(env.accessKey.activeSlot)]?.value;
  if (typeof id !== 'string' || typeof secret !== 'string')
    throw new IssuedKeyError(`the outputs of "${env.name}" hold no access key: ${deployFirst}`);
  return { accessKeyId: id, secretAccessKey: secret };
}

/**
 * Where Campaign's connection test writes: the import folder under the prefix, or the import
 * account's location that Adobe named (in its region, with Adobe's key).
 */
export function connectionTarget(env: Environment, key: IssuedKey): ConnectionTarget {
  const { receiver } = env;
  if (receiver.mode === 'adobe-provisioned') {
    const { bucket, folder } = splitReceiverServer(receiver.import.receiverServer)!;
    return {
      bucket,
      folder,
      region: receiver.import.region,
      endpoint: emulatorEndpoint(env),
      keyOwner: 'adobe',
      ...key,
    };
  }
  return {
    bucket: receiver.bucketName,
    folder: `${receiver.prefix}${env.campaign.externalAccounts.import.folder}/`,
    region: env.aws.region,
    endpoint: emulatorEndpoint(env),
    ...key,
  };
}
