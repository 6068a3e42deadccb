import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `use` with an owner-only temporary folder for a saved plan (and its JSON), removed when
 * `use` ends and however the process ends. A saved plan holds the state's values, secrets
 * included: never in the stack folder, which CI jobs often upload as an artifact.
 */
export async function withPlanFolder<T>(purpose: string, use: (folder: string) => Promise<T>): Promise<T> {
  // mkdtemp creates the folder with mode 0700.
  const folder = mkdtempSync(join(tmpdir(), `campaign-aam-${purpose}-`));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', remove);
  try {
    return await use(folder);
  } finally {
    process.removeListener('exit', remove);
    remove();
  }
}
