import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const PROJECT_DIR = resolve(__dirname, '../..');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Child processes run non-interactively, without colour or telemetry, plus `extra`. */
export const childEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  CI: '1',
  FORCE_COLOR: '0',
  ...extra,
});

/** Runs a command of the project (e.g. `npx cdktf synth`) the way a user would, and captures it. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? PROJECT_DIR,
    env: childEnv(options.env),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 600_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `run`, but in the background: resolves when the command ends. */
export function start(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? PROJECT_DIR,
      env: childEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
