import { createTemporaryFolder, removeTemporaryFolder } from '../runtime/temporary-folders';

/**
 * Runs `use` with an owner-only temporary folder for a saved plan (and its JSON), removed when
 * `use` ends and however the process ends (after a SIGKILL, by the next command's sweep). A saved
 * plan holds the state's values, secrets included: never in the stack folder, which CI jobs often
 * upload as an artifact.
 */
export async function withPlanFolder<T>(purpose: string, use: (folder: string) => Promise<T>): Promise<T> {
  const folder = createTemporaryFolder(purpose);
  const remove = () => removeTemporaryFolder(folder);
  process.once('exit', remove);
  try {
    return await use(folder.root);
  } finally {
    process.removeListener('exit', remove);
    remove();
  }
}
