import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { terraformSync } from '../../runtime/terraform';

/** What the environment's state holds, as far as adoption and recovery need to know. */
export interface StateContents {
  /** Addresses of the resources in state, e.g. `aws_s3_bucket.integration_receiver_bucket_F2EA81D6`. */
  readonly addresses: ReadonlySet<string>;
  /** IDs of the access keys in state (their secrets are never kept here). */
  readonly accessKeyIds: ReadonlySet<string>;
}

interface ShowJson {
  values?: { root_module?: { resources?: { address: string; type: string; values?: { id?: string } }[] } };
}

/** Thrown when Terraform cannot read the stack's state. */
export class StateReadError extends Error {}

/**
 * Reads the state through the stack's own backend, with `terraform show -json` (which takes no
 * lock, so it works while a lock is left behind). Only addresses and key IDs are kept.
 */
export function readState(stackDir: string): StateContents {
  const result = terraformSync(stackDir, ['show', '-json', '-no-color'], { maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined || result.status !== 0) {
    throw new StateReadError(
      `terraform could not read the state of ${stackDir}: ${result.error?.message ?? result.stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  const resources = (JSON.parse(result.stdout) as ShowJson).values?.root_module?.resources ?? [];
  return {
    addresses: new Set(resources.map((r) => r.address)),
    accessKeyIds: new Set(
      resources
        .filter((r) => r.type === 'aws_iam_access_key')
        .flatMap((r) => (r.values?.id === undefined ? [] : [r.values.id])),
    ),
  };
}

/** Whether `stackDir` holds a synthesized stack on which `terraform init` ran (so its state can be read). */
export const isInitializedStack = (stackDir: string) =>
  existsSync(join(stackDir, 'cdk.tf.json')) && existsSync(join(stackDir, '.terraform'));

/** No state yet: nothing deployed. */
export const EMPTY_STATE: StateContents = { addresses: new Set(), accessKeyIds: new Set() };
