import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { childEnv, PROJECT_DIR, type RunResult } from './run';

/** A command running in the background, with its process ID. */
export interface Background {
  readonly pid: number;
  /** Resolves when the command ends. */
  readonly done: Promise<RunResult>;
}

/** Starts a command of the project in the background, like `run`, and gives its process ID. */
export function startInBackground(command: string, args: string[], env: Record<string, string> = {}): Background {
  const child = spawn(command, args, { cwd: PROJECT_DIR, env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  if (child.pid === undefined) throw new Error(`${command} did not start`);
  return { pid: child.pid, done };
}

/** Parent of every process, from /proc/<pid>/stat (Linux); the command name may hold spaces and parentheses. */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return parentOf;
}

function descendantsOf(root: number): number[] {
  const parentOf = parents();
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...children);
    frontier = children;
  }
  return found;
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** The `terraform apply` process started (directly or not) by process `root`, if it runs. */
export function terraformApplyUnder(root: number): number | undefined {
  return descendantsOf(root).find((pid) => {
    const [program, ...args] = commandLine(pid);
    return program !== undefined && basename(program) === 'terraform' && args.includes('apply');
  });
}

/**
 * Kills the `terraform apply` below process `root` with SIGKILL, as an out-of-memory killer on a
 * CI runner would, once `ready()` says the apply is far enough. Returns the killed process ID.
 */
export async function killTerraformApply(
  root: number,
  ready: () => Promise<boolean>,
  timeoutMs = 240_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pid = terraformApplyUnder(root);
    if (pid !== undefined && (await ready())) {
      process.kill(pid, 'SIGKILL');
      return pid;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no terraform apply under process ${root} became ready within ${timeoutMs / 1000} s`);
}
