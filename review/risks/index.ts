import { accessKeyReplaced } from './access-key';
import { accountGuardChanged } from './account-guard';
import { adobeKeyChanged } from './adobe-key';
import { activeSlotChanged } from './active-slot';
import { aamDestinationChanged } from './aam-destination';
import { backendChanged } from './backend';
import { bucketDestroyed } from './bucket-destroyed';
import { bucketProtectionDestroyed } from './bucket-protection-destroyed';
import { driftFound } from './drift';
import { encryptionWeakened } from './encryption';
import { environmentRemoved } from './environment-removed';
import { forceDestroyOn } from './force-destroy';
import { iamWidened } from './iam-widened';
import { publicAccessOpened } from './public-access';
import { receiverModeSwitched } from './receiver-mode';
import { receiverServerChanged } from './receiver-server';
import { tlsOnlyRemoved } from './tls-only';
import { trackingDnsChanged } from './tracking-dns';
import { versioningSuspended } from './versioning';
import type { RiskRule } from './rule';

export type { RiskFinding, RiskRule } from './rule';

/** Every risk rule, most damaging first: the report lists risks in this order. */
export const RISK_RULES: readonly RiskRule[] = [
  bucketDestroyed,
  bucketProtectionDestroyed,
  forceDestroyOn,
  publicAccessOpened,
  encryptionWeakened,
  versioningSuspended,
  tlsOnlyRemoved,
  iamWidened,
  receiverModeSwitched,
  accessKeyReplaced,
  adobeKeyChanged,
  activeSlotChanged,
  trackingDnsChanged,
  aamDestinationChanged,
  receiverServerChanged,
  backendChanged,
  accountGuardChanged,
  driftFound,
  environmentRemoved,
];
