import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside } from './paths';

/**
 * A folder one of our commands owns (the cache, the output folder, a temporary folder of ours): it
 * may create, overwrite and delete what is inside it, and nothing outside. Every recursive delete
 * of the project goes through `removeOwned`, which checks the resolved path against its owner
 * first, so no name, flag or config value can point a delete anywhere else.
 */
export interface OwnedFolder {
  /** Absolute path of the folder. */
  readonly root: string;
  /** How messages name it, e.g. `the cache (.cache)`. */
  readonly label: string;
}

/** A path that would leave the folder it belongs to: the caller's mistake, reported as a usage error. */
export class OutsideOwnedFolderError extends Error {}

export const ownedFolder = (root: string, label: string): OwnedFolder => ({ root: resolve(root), label });

/** `path` (relative to the owner, or absolute) resolved, or an error when it is not inside `owner`. */
export function ownedPath(owner: OwnedFolder, path: string): string {
  const full = resolve(owner.root, path);
  if (!isInside(full, owner.root)) {
    throw new OutsideOwnedFolderError(
      `refusing to touch ${path}: it is outside ${owner.label} (${owner.root}), the only folder this command may change; nothing was changed`,
    );
  }
  return full;
}

export interface RemoveOptions {
  /** Whether the owner's folder itself may go (a temporary folder at the end of its use). */
  readonly root?: boolean;
}

function checkedForRemoval(owner: OwnedFolder, path: string, options: RemoveOptions): string {
  const full = ownedPath(owner, path);
  if (full === owner.root && options.root !== true) {
    throw new OutsideOwnedFolderError(`refusing to remove ${owner.label} (${owner.root}) itself; nothing was changed`);
  }
  return full;
}

/** Removes `path` and everything in it, if it exists, once it is shown to lie inside `owner`. */
export function removeOwned(owner: OwnedFolder, path: string, options: RemoveOptions = {}): void {
  rmSync(checkedForRemoval(owner, path, options), { recursive: true, force: true, maxRetries: 3 });
}

/** The same, removing files in parallel (several times faster for thousands of files). */
export async function removeOwnedAsync(owner: OwnedFolder, path: string, options: RemoveOptions = {}): Promise<void> {
  await rm(checkedForRemoval(owner, path, options), { recursive: true, force: true, maxRetries: 3 });
}
