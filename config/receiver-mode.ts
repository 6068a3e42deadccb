import { splitReceiverServer } from '../campaign/vocabulary';
import { integrationName } from './adopt';
import type { EnvironmentShape } from './schema';

/**
 * The two receiver modes (see `receiver.mode`): the stack creates the bucket and key, or Adobe
 * provisioned them and the stack records what Adobe sent. Code that only makes sense in one mode
 * narrows with these, so the compiler keeps bucket and key code away from Adobe's receiver.
 */
export type Receiver = EnvironmentShape['receiver'];
export type StackOwnedReceiver = Extract<Receiver, { mode: 'stack-owned' }>;
export type AdobeProvisionedReceiver = Extract<Receiver, { mode: 'adobe-provisioned' }>;
export type ReceiverMode = Receiver['mode'];

export const isAdobeProvisioned = <E extends { readonly receiver: Receiver }>(
  env: E,
): env is E & { readonly receiver: AdobeProvisionedReceiver } => env.receiver.mode === 'adobe-provisioned';

export const isStackOwned = <E extends { readonly receiver: Receiver }>(
  env: E,
): env is E & { readonly receiver: StackOwnedReceiver } => env.receiver.mode === 'stack-owned';

/** The stack's own receiver, when it has one. */
export const stackOwnedReceiver = (env: { readonly receiver: Receiver }): StackOwnedReceiver | undefined =>
  isStackOwned(env) ? env.receiver : undefined;

export const ADOBE_ACCOUNTS = ['import', 'export'] as const;
export type AdobeAccount = (typeof ADOBE_ACCOUNTS)[number];

/** One S3 location the integration reads or writes: a bucket and a folder in it (ending in `/`). */
export interface ReceiverLocation {
  readonly bucket: string;
  readonly folder: string;
  /** Dotted path of the field that names it, for messages. */
  readonly path: string;
  /** The receiver server, as written. */
  readonly server: string;
}

/** The locations Adobe named, one per external account (validated, so always in Campaign's form). */
export function adobeLocations(receiver: AdobeProvisionedReceiver): ReceiverLocation[] {
  return ADOBE_ACCOUNTS.map((account) => ({
    ...splitReceiverServer(receiver[account].receiverServer)!,
    path: `receiver.${account}.receiverServer`,
    server: receiver[account].receiverServer,
  }));
}

/** Every bucket an environment's receiver uses, whoever made it. */
export const receiverBuckets = (env: { readonly receiver: Receiver }): string[] =>
  isAdobeProvisioned(env)
    ? [...new Set(adobeLocations(env.receiver).map((l) => l.bucket))]
    : [(env.receiver as StackOwnedReceiver).bucketName];

/** Whether one folder is the other or inside it (both end in `/`). */
export const foldersOverlap = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The Secrets Manager secret that holds the secret access key Adobe sent for one account, e.g.
 * `campaign-aam-production/import-secret-access-key`. The stack declares it; `npm run secret`
 * stores its value, `npm run verify` reads it.
 */
export const adobeSecretName = (environmentName: string, account: AdobeAccount) =>
  `${integrationName(environmentName)}/${account}-secret-access-key`;
