import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const PROJECT_DIR = resolve(__dirname, '../..');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command of the project (e.g. `npx cdktf synth`) the way a user would, and captures it. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? PROJECT_DIR,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 180_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
