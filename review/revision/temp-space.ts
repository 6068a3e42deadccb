import type { ChildProcess } from 'node:child_process';
import { removeOwned, removeOwnedAsync } from '../../runtime/owned-folders';
import { createTemporaryFolder } from '../../runtime/temporary-folders';

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * A temporary folder for building revisions, removed when the work ends: normally, on an error,
 * and on Ctrl-C or a CI cancellation (the signal handler stops the child processes, removes the
 * folder and exits with the signal's conventional code).
 */
export class TempSpace {
  private readonly folder = createTemporaryFolder('review');
  readonly root = this.folder.root;
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

  /** Stops the children and removes the folder at once: for a signal or an exit, where nothing can wait. */
  dispose(): void {
    this.stopChildren();
    removeOwned(this.folder, this.root, { root: true });
    this.unregister();
  }

  /** The same, removing files in parallel (several times faster for thousands of synthesized files). */
  async disposeAsync(): Promise<void> {
    this.stopChildren();
    await removeOwnedAsync(this.folder, this.root, { root: true });
    this.unregister();
  }

  private stopChildren(): void {
    for (const child of this.children) child.kill('SIGKILL');
    this.children.clear();
  }

  private unregister(): void {
    for (const signal of Object.keys(SIGNALS)) process.removeListener(signal, this.onSignal);
    process.removeListener('exit', this.onExit);
  }
}

export async function withTempSpace<T>(work: (space: TempSpace) => Promise<T>): Promise<T> {
  const space = new TempSpace();
  try {
    return await work(space);
  } finally {
    await space.disposeAsync();
  }
}
