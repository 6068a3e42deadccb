import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { startInBackground } from '../runtime/processes';
import { cacheDir } from '../runtime/project-paths';
import { venvBin } from './python-venv';

/** The account moto reports (STS `GetCallerIdentity`) unless told otherwise: moto's own default. */
export const EMULATOR_ACCOUNT_ID = '123456789012';

export interface Moto {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** The account the emulator reports. */
  readonly accountId: string;
  /** The server's process ID (it leads its own process group). */
  readonly pid: number;
  /** Makes moto evaluate IAM identity policies for every following request (`true`), or stop (`false`). */
  enforceIam(on: boolean): Promise<void>;
  /** The server's log file, for diagnosing a failure. */
  readonly logFile: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within 30 s:\n${log()}`);
}

export interface StartMotoOptions {
  /** The account moto reports, which lets a stack's `allowed_account_ids` guard pass. */
  readonly accountId?: string;
  /** @default - `.cache/moto/moto-<port>.log` */
  readonly logFile?: string;
}

/**
 * Starts moto's server mode (from the project's `.venv`, see `ensurePythonTools`) on a free
 * loopback port, in its own process group so a Ctrl-C meant for its parent does not kill it before
 * the parent has cleaned up. Each caller gets its own server, so nothing shares emulator state; the
 * server is killed when this process exits, whatever the reason.
 */
export async function startMoto(options: StartMotoOptions = {}): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const accountId = options.accountId ?? EMULATOR_ACCOUNT_ID;
  let output = '';
  const child = startInBackground(venvBin('moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_ACCOUNT_ID: accountId },
    output: 'pipe',
  });
  const logFile = options.logFile ?? cacheDir('moto', `moto-${port}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', kill);

  try {
    await waitUntilUp(endpoint, child, () => output);
  } catch (error) {
    kill();
    throw error;
  }

  return {
    endpoint,
    accountId,
    pid: child.pid!,
    logFile,
    async enforceIam(on) {
      const response = await fetch(`${endpoint}/moto-api/reset-auth`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: on ? '0' : 'inf',
      });
      if (!response.ok) throw new Error(`moto reset-auth failed: ${response.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', kill);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(kill, 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          log.end(() => resolve());
        });
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}
