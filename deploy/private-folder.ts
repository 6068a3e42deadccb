import { createTemporaryFolder, removeTemporaryFolder } from '../runtime/temporary-folders';

/**
 * Runs `work` with an owner-only temporary folder of ours for `purpose`, outside the project,
 * removed when the work ends however it ends: the process's exit included, and after a SIGKILL by
 * the next command's sweep. For saved plans: a plan holds the state's values, secrets included.
 */
export async function withPrivateFolder<T>(purpose: string, work: (folder: string) => Promise<T>): Promise<T> {
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
