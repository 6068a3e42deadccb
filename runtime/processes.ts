import { type ChildProcess, spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { withOwnerOnlyFiles } from './owner-only-files';

export interface CommandResult {
  /** Exit code, or null when the command died from a signal. */
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Everything it printed (stdout and stderr, interleaved as they came). */
  readonly output: string;
  /** What it printed on stdout alone (e.g. JSON), and on stderr alone. */
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Every byte the command prints is appended here as well. */
  readonly logFile?: string;
  /** The user's terminal instead of a capture (e.g. for cdktf's approval prompt). */
  readonly inheritOutput?: boolean;
  /** Stop the command (SIGTERM, then SIGKILL) when it runs longer than this. */
  readonly timeoutMs?: number;
  /** Told the child once it started, for callers that stop it themselves (see `TempSpace`). */
  readonly onStart?: (child: ChildProcess) => void;
}

/** Children started in their own process group, so they (and their children) can be stopped together. */
const groups = new Set<ChildProcess>();
/** Children on the user's terminal: a Ctrl-C reaches them directly, so they are waited for, not signalled. */
const onTerminal = new Set<ChildProcess>();
/** Once everything is being stopped (Ctrl-C), no new command may start, e.g. the step after the one stopped. */
let stopping = false;

/**
 * Runs a command to its end. With captured output it runs in its own process group: a Ctrl-C on the
 * terminal reaches only us, and `stopAllCommands` stops the command with everything it started
 * (cdktf → terraform → provider plugins), in order, instead of leaving orphans behind.
 */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    if (stopping) return reject(new Error(`not starting ${command}: stopping`));
    const inherit = options.inheritOutput === true;
    // Owner-only files from the child on: Terraform's errored.tfstate, backups and plans hold secrets.
    const child = withOwnerOnlyFiles(() =>
      spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
        detached: !inherit,
      }),
    );
    (inherit ? onTerminal : groups).add(child);
    options.onStart?.(child);
    let output = '';
    let stdout = '';
    let stderr = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.logFile !== undefined) appendFileSync(options.logFile, chunk);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      keep(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      keep(chunk);
    });
    child.on('error', (error) => {
      groups.delete(child);
      onTerminal.delete(child);
      reject(new Error(`cannot run ${command}: ${error.message}`));
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            const note = `\n${command} ran longer than ${options.timeoutMs! / 1000} s and was stopped\n`;
            keep(Buffer.from(note));
            void stopGroup(child, 15_000); // never rejects; the close below settles the run
          }, options.timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      groups.delete(child);
      onTerminal.delete(child);
      resolve({ status, signal, output, stdout, stderr });
    });
  });
}

export interface SyncRunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the command's standard input. */
  readonly input?: string | Buffer;
  /** Where its output goes: captured (the default), the user's terminal, or a file descriptor. */
  readonly output?: 'capture' | 'inherit' | number;
  /** @default 64 MiB */
  readonly maxBuffer?: number;
}

export interface SyncResult {
  /** Exit code, or null when the command did not start or died from a signal. */
  readonly status: number | null;
  /** Why the command could not run (not on PATH, say), if it could not. */
  readonly error?: Error;
  /** Standard output as UTF-8 text, and as it came (for binary output, e.g. `git cat-file`). */
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/**
 * Runs a short command (git, `terraform output`, prettier, pip) and waits for it. Like
 * `runCommand`, every file it creates is readable by its owner alone.
 */
export function runCommandSync(command: string, args: readonly string[], options: SyncRunOptions = {}): SyncResult {
  const output = options.output ?? 'capture';
  const stdio: StdioOptions =
    output === 'capture' ? ['pipe', 'pipe', 'pipe'] : [options.input === undefined ? 'ignore' : 'pipe', output, output];
  const result = withOwnerOnlyFiles(() =>
    spawnSync(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      input: options.input,
      stdio,
      maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
    }),
  );
  const stdoutBytes = result.stdout ?? Buffer.alloc(0);
  return {
    status: result.status,
    error: result.error,
    stdoutBytes,
    get stdout() {
      return stdoutBytes.toString('utf8');
    },
    stderr: result.stderr?.toString('utf8') ?? '',
  };
}

/**
 * Starts a command that outlives the call (a server, a background removal) in its own process
 * group, so it can be stopped with everything it starts, and a Ctrl-C meant for us does not reach it.
 */
export function startInBackground(
  command: string,
  args: readonly string[],
  options: { readonly env?: NodeJS.ProcessEnv; readonly output: 'pipe' | 'ignore' },
): ChildProcess {
  return withOwnerOnlyFiles(() =>
    spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', options.output, options.output],
      detached: true,
    }),
  );
}

const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
};

/** SIGTERM to the child's process group, SIGKILL to whatever is left after `graceMs`. */
function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    child.once('close', () => {
      clearTimeout(force);
      // Anything the group leader left behind goes too.
      signalGroup(child, 'SIGKILL');
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });
}

/**
 * Stops every command still running: SIGTERM to each process group (Terraform then stops
 * gracefully and writes its state), SIGKILL to whatever is left after `graceMs`.
 */
export async function stopAllCommands(graceMs = 15_000): Promise<void> {
  stopping = true;
  await Promise.all([...groups].map((child) => stopGroup(child, graceMs)));
}

const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * For commands that run Terraform: on Ctrl-C or a CI cancellation, start nothing new, stop every
 * captured command (Terraform stops gracefully and writes its state), let the one on the terminal
 * finish its own interrupt (a terminal's Ctrl-C reaches it directly; a SIGTERM sent to us alone is
 * passed on), and only then exit, so no Terraform outlives us and clean-ups registered on exit (a
 * saved plan, say) run after Terraform stopped writing.
 */
export function stopCommandsOnSignals(): void {
  for (const signal of Object.keys(exitCodes) as (keyof typeof exitCodes)[]) {
    process.once(signal, () => {
      if (signal === 'SIGTERM') for (const child of onTerminal) child.kill('SIGTERM');
      const onTerminalClosed = [...onTerminal].map(
        (child) =>
          new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('close', () => resolve()))),
      );
      void Promise.all([stopAllCommands(), ...onTerminalClosed]).finally(() => process.exit(exitCodes[signal]));
    });
  }
}

// eslint-disable-next-line no-control-regex -- matching terminal escapes is the point
const ANSI_ESCAPES = /\x1b\[[0-9;]*[A-Za-z]/g;

/** The last `count` non-empty lines of a command's output, for a failure message. */
export function lastLines(output: string, count = 15): string[] {
  return output
    .replace(ANSI_ESCAPES, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-count);
}
