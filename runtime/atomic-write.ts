import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file, e.g. 0o600 for one that holds a secret. */
  readonly mode?: number;
  /** Where the new file is written first; by default beside the target (a rename never crosses file systems). */
  readonly asideIn?: string;
}

/**
 * Writes `content` to `path` aside first and renames it into place, so a reader sees the old file
 * or the new one, never half of one, and a failed write leaves the old file as it was.
 */
export function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const aside = join(options.asideIn ?? dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(aside, content, options.mode === undefined ? {} : { mode: options.mode });
    renameSync(aside, path);
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}
