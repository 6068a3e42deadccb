import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_DIR } from './run';
import { venvBin } from './python-venv';

export interface Moto {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Makes moto evaluate IAM identity policies for every following request (`true`), or stop (`false`). */
  enforceIam(on: boolean): Promise<void>;
  /** The server's log file, for diagnosing a failed test. */
  readonly logFile: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
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

/**
 * Starts moto's server mode on a free loopback port. Every test file gets its own server, so
 * files never share emulator state. `accountId` sets the account moto reports (STS), which lets a
 * stack's `allowed_account_ids` guard pass.
 */
export async function startMoto(options: { accountId?: string } = {}): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(venvBin('moto_server'), ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...(options.accountId === undefined ? {} : { MOTO_ACCOUNT_ID: options.accountId }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logDir = join(PROJECT_DIR, '.cache', 'moto');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `moto-${port}.log`);
  const log = createWriteStream(logFile);
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', kill);

  try {
    await waitUntilUp(endpoint, child, () => output);
  } catch (error) {
    kill();
    throw error;
  }

  return {
    endpoint,
    logFile,
    async enforceIam(on) {
      const response = await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', body: on ? '0' : 'inf' });
      if (!response.ok) throw new Error(`moto reset-auth failed: ${response.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', kill);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
