import { ownedFolder, ownedPath } from '../runtime/owned-folders';
import { startInBackground } from '../runtime/processes';
import { VARIABLES } from '../runtime/environment-variables';

/**
 * Removes folders in a detached process, so a command does not wait for it: deleting a few
 * hundred small folders takes seconds on a busy disk. A removal cut short (the machine stops)
 * leaves a folder the next synth removes again. `thenIfEmpty` is removed afterwards only if
 * nothing is left in it (another run may be using it by then).
 */
export function removeInBackground(paths: readonly string[], thenIfEmpty: string): void {
  // The child deletes recursively without asking: each path is shown to lie inside first.
  const owner = ownedFolder(thenIfEmpty, 'the staging folder');
  for (const path of paths) ownedPath(owner, path);
  const child = startInBackground(
    process.execPath,
    [
      '-e',
      `const fs = require("node:fs");
       const [empty, ...paths] = process.argv.slice(1);
       for (const p of paths) fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
       try { fs.rmdirSync(empty); } catch {}`,
      thenIfEmpty,
      ...paths,
    ],
    // Without NODE_OPTIONS: whatever preloads the parent runs with are no business of a removal.
    { output: 'ignore', env: { ...process.env, [VARIABLES.nodeOptions]: '' } },
  );
  child.on('error', () => {
    // The next synth removes what is left.
  });
  child.unref();
}
