import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { awsClients } from '../../runtime/aws-clients';
import type { Environment } from '../../config/environment';
import { adobeLocations, type AdobeProvisionedReceiver } from '../../config/receiver-mode';
import { adobeSecretPlaces, storeAdobeSecret } from '../adobe-secret/adobe-secret-store';
import { adobeImportKey } from '../verify/adobe-key';
import { connectionTarget } from '../verify/issued-key';
import { type StepResult, verifyConnection } from '../verify/connection-check';
import { type Credentials, createBucket, emulatorClientConfig, emulatorS3 } from '../../emulator/aws';

type AdobeEnvironment = Environment & { readonly receiver: AdobeProvisionedReceiver };

/**
 * The emulator playing Adobe for an environment whose receiver Adobe provisioned: the buckets its
 * receiver servers name and one key allowed in their folders, made with the AWS SDK outside the
 * stack, as Adobe makes them. Returns the key, which the emulator copy records in place of the
 * file's key IDs (the emulator cannot issue Adobe's).
 */
export async function playAdobe(
  endpoint: string,
  env: { readonly name: string; readonly receiver: AdobeProvisionedReceiver },
): Promise<Credentials> {
  const locations = adobeLocations(env.receiver);
  const regions = new Map(
    locations.map((l, i) => [l.bucket, i === 0 ? env.receiver.import.region : env.receiver.export.region]),
  );
  for (const [bucket, region] of regions) await createBucket(emulatorS3(endpoint, undefined, region), bucket, region);
  const iam = new IAMClient(emulatorClientConfig(endpoint));
  try {
    const userName = `adobe-aam-${env.name}`;
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: userName,
        PolicyName: 'adobe-provisioned-receiver',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
              Resource: locations.map((l) => `arn:aws:s3:::${l.bucket}/${l.folder}*`),
            },
            {
              Effect: 'Allow',
              Action: ['s3:ListBucket'],
              Resource: [...regions.keys()].map((b) => `arn:aws:s3:::${b}`),
            },
          ],
        }),
      }),
    );
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  } finally {
    iam.destroy();
  }
}

/** The emulator copy's file records the emulator's key ID for both accounts, as Adobe's reply would give it. */
export function withEmulatorAdobeKey(file: Record<string, unknown>, key: Credentials): string {
  const receiver = file.receiver as Record<string, Record<string, string>>;
  receiver.import.accessKeyId = key.accessKeyId;
  receiver.export.accessKeyId = key.accessKeyId;
  return `receiver.import/export.accessKeyId → ${key.accessKeyId}, the key the emulator made in Adobe's place`;
}

/**
 * What `npm run secret -- set` and then `npm run verify` do, with the secret the emulator made:
 * stored in the stack's Secrets Manager secrets, read back from there for the connection check.
 */
export async function checkAdobeConnection(
  env: AdobeEnvironment,
  secret: string,
): Promise<{ results: StepResult[]; where: string; accessKeyId: string }> {
  const clients = awsClients(env);
  try {
    for (const place of adobeSecretPlaces(env)) await storeAdobeSecret(clients.secretsManager, place, secret, env.name);
  } finally {
    clients.destroy();
  }
  const target = connectionTarget(env, await adobeImportKey(env));
  return {
    results: await verifyConnection(target),
    where: `s3://${target.bucket}/${target.folder}`,
    accessKeyId: target.accessKeyId,
  };
}
