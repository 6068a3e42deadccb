import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const PROJECT_DIR = resolve(__dirname, '../..');

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Child processes run non-interactively, without colour or telemetry, plus `extra`. */
const childEnv = (extra: Record<string, string> = {}) => ({
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

/** A command running in the background: its process ID, and its result once it ends. */
export interface Started {
  readonly pid: number;
  readonly result: Promise<RunResult>;
  /** Everything printed so far (stdout and stderr). */
  printed(): string;
}

/**
 * Like `run`, but in the background. With `ownGroup`, the command leads its own process group, so
 * `process.kill(-pid, 'SIGINT')` reaches it and its children as a Ctrl-C on a terminal does.
 */
export function startProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; ownGroup?: boolean } = {},
): Started {
  const child = spawn(command, args, {
    cwd: options.cwd ?? PROJECT_DIR,
    env: childEnv(options.env),
    detached: options.ownGroup === true,
  });
  let stdout = '';
  let stderr = '';
  let all = '';
  child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), (all += d.toString())));
  child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), (all += d.toString())));
  const result = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  return { pid: child.pid!, result, printed: () => all };
}

/** Like `run`, but in the background: resolves when the command ends. */
export function start(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return startProcess(command, args, options).result;
}
