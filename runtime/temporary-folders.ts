import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownedFolder, removeOwned, type OwnedFolder } from './owned-folders';
import { isProcessRunning } from './process-alive';

/** Every temporary folder of ours starts so: the sweep below recognizes them by it. */
const PREFIX = 'campaign-aam-';
/** Inside each: which process made it, so a later run can tell an abandoned one from one in use. */
const OWNER_FILE = '.campaign-aam-owner';

const temporaryRoot = () => ownedFolder(tmpdir(), 'the system temporary folder');

/**
 * An owner-only (0700) temporary folder for `purpose` (e.g. `convergence`), marked with this
 * process's id. Remove it with `removeOwned(folder, folder.root, { root: true })` when done; if the
 * process is killed first (SIGKILL, a machine stop), the next command of ours sweeps it, since
 * such folders can hold a saved plan or state, secrets included.
 */
export function createTemporaryFolder(purpose: string): OwnedFolder {
  const root = mkdtempSync(join(tmpdir(), `${PREFIX}${purpose}-`));
  writeFileSync(join(root, OWNER_FILE), `${hostname()} ${process.pid}\n`, { mode: 0o600 });
  return ownedFolder(root, `the temporary folder ${root}`);
}

/** Removes a temporary folder of ours and everything in it. */
export const removeTemporaryFolder = (folder: OwnedFolder) => removeOwned(folder, folder.root, { root: true });

/** Whether the folder's owner is gone: another machine's folders (a shared /tmp) are left alone. */
function abandoned(folder: string): boolean {
  let owner: string;
  try {
    owner = readFileSync(join(folder, OWNER_FILE), 'utf8').trim();
  } catch {
    return false; // not marked (yet, or by an older version): not ours to judge
  }
  const [host, pid] = owner.split(' ');
  return host === hostname() && Number.isInteger(Number(pid)) && !isProcessRunning(Number(pid));
}

/**
 * Removes the temporary folders that killed runs of ours left behind, owned by this user. Cheap (one
 * listing of the temporary folder); every command runs it at its start.
 */
export function sweepAbandonedTemporaryFolders(): string[] {
  const root = temporaryRoot();
  let entries: string[];
  try {
    entries = readdirSync(root.root).filter((name) => name.startsWith(PREFIX));
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const swept: string[] = [];
  for (const name of entries) {
    const folder = join(root.root, name);
    try {
      const stat = statSync(folder);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || !abandoned(folder)) continue;
      removeOwned(root, folder);
      swept.push(folder);
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
  return swept;
}

/**
 * Runs `work` with an owner-only temporary folder of ours for `purpose`, removed when the work
 * ends however it ends: the process's exit included, and after a SIGKILL by the next command's
 * sweep. For saved plans above all: a plan holds the state's values, secrets included, and never
 * belongs in a stack folder (CI jobs often upload those as artifacts).
 */
export async function withTemporaryFolder<T>(purpose: string, work: (folder: string) => Promise<T>): Promise<T> {
  const folder = createTemporaryFolder(purpose);
  const remove = () => removeTemporaryFolder(folder);
  process.once('exit', remove);
  try {
    return await work(folder.root);
  } finally {
    process.removeListener('exit', remove);
    remove();
  }
}
