import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * A temporary folder for building revisions, removed when the work ends: normally, on an error,
 * and on Ctrl-C or a CI cancellation (the signal handler stops the child processes, removes the
 * folder and exits with the signal's conventional code).
 */
export class TempSpace {
  readonly root = mkdtempSync(join(tmpdir(), 'campaign-aam-review-'));
  private readonly children = new Set<ChildProcess>();
  private readonly onSignal = (signal: keyof typeof SIGNALS) => {
    this.dispose();
    process.exit(SIGNALS[signal]);
  };
  private readonly onExit = () => this.dispose();

  constructor() {
    for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) process.on(signal, this.onSignal);
    process.on('exit', this.onExit);
  }

  /** A child process to stop if the work is abandoned. */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  }

  dispose(): void {
    for (const child of this.children) child.kill('SIGKILL');
    this.children.clear();
    rmSync(this.root, { recursive: true, force: true });
    for (const signal of Object.keys(SIGNALS)) process.removeListener(signal, this.onSignal);
    process.removeListener('exit', this.onExit);
  }
}

export async function withTempSpace<T>(work: (space: TempSpace) => Promise<T>): Promise<T> {
  const space = new TempSpace();
  try {
    return await work(space);
  } finally {
    space.dispose();
  }
}
