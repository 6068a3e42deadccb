import { spawn } from 'node:child_process';

/**
 * Removes folders in a detached process, so a command does not wait for it: deleting a few
 * hundred small folders takes seconds on a busy disk. A removal cut short (the machine stops)
 * leaves a folder the next synth removes again.
 */
export function removeInBackground(paths: readonly string[]): void {
  if (paths.length === 0) return;
  const child = spawn(
    process.execPath,
    [
      '-e',
      'for (const p of process.argv.slice(1)) require("node:fs").rmSync(p, { recursive: true, force: true, maxRetries: 3 })',
      ...paths,
    ],
    // Without NODE_OPTIONS: whatever preloads the parent runs with are no business of a removal.
    { detached: true, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  child.on('error', () => {
    // The next synth removes what is left.
  });
  child.unref();
}
