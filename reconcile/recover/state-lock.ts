import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { shellCommand } from '../lookups/commands';
import { probe } from '../lookups/lookup-errors';
import type { Environment } from '../../config/environment';
import { localStateFile } from '../../config/project-layout';

/** A state lock a Terraform run left behind, as Terraform records it. */
export interface LeftoverLock {
  readonly id: string;
  readonly who?: string;
  readonly created?: Date;
  readonly operation?: string;
  /** Where the lock lives: `s3://bucket/key.tflock` or the lock info file. */
  readonly location: string;
  /**
   * An S3 lock file blocks every later run until removed. A local lock is released by the
   * operating system when its process ends; its info file stays but blocks nothing.
   */
  readonly blocking: boolean;
  /** The command that removes it; only once no Terraform run of the stack is going on. */
  readonly forceUnlock: string;
}

interface LockInfo {
  ID?: string;
  Operation?: string;
  Who?: string;
  Created?: string;
}

function toLock(info: LockInfo, location: string, blocking: boolean, stackDir: string): LeftoverLock | undefined {
  if (info.ID === undefined) return undefined;
  return {
    id: info.ID,
    who: info.Who,
    created: info.Created === undefined ? undefined : new Date(info.Created),
    operation: info.Operation?.replace(/^OperationType/, '').toLowerCase(),
    location,
    blocking,
    forceUnlock: shellCommand('terraform', `-chdir=${stackDir}`, 'force-unlock', info.ID),
  };
}

/** Where Terraform's local backend keeps the lock info: `.<state file>.lock.info` beside the state. */
export const localLockInfoPath = (statePath: string) => join(dirname(statePath), `.${basename(statePath)}.lock.info`);

/**
 * The lock a killed Terraform run left behind, if any: the S3 backend's `<key>.tflock` object
 * (`use_lockfile`), or the local backend's lock info file. Reads only; never unlocks.
 * `stackDir` is how commands should name the stack folder (relative to where they run).
 */
export async function findLeftoverLock(
  env: Environment,
  stackDir: string,
  projectDir: string,
  s3In: (region: string) => S3Client,
): Promise<{ readonly lock?: LeftoverLock; readonly unreadable?: string }> {
  const backend = env.backend;
  if (backend.type === 'local') {
    const path = localLockInfoPath(localStateFile(env, projectDir)!);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return {};
    }
    return { lock: toLock(JSON.parse(text) as LockInfo, path, false, stackDir) };
  }
  if (!backend.useLockfile) return {};
  const key = `${backend.key}.tflock`;
  const lock = await probe('GetObject of the state lock', () =>
    s3In(backend.region).send(new GetObjectCommand({ Bucket: backend.bucket, Key: key })),
  );
  if (!lock.found) return { unreadable: lock.unreadable };
  const text = (await lock.value.Body?.transformToString()) ?? '{}';
  return { lock: toLock(JSON.parse(text) as LockInfo, `s3://${backend.bucket}/${key}`, true, stackDir) };
}
