import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../runtime/atomic-write';
import * as lockfile from 'proper-lockfile';
import { isProcessRunning } from '../runtime/process-alive';

/** Who holds the lock on an output folder, written beside the lock for whoever waits. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly command: string;
  /** When the holder took the lock (ISO 8601). */
  readonly since: string;
  /** Tells one holding from the next, even if a pid is reused. */
  readonly token: string;
}

const POLL_MS = 100;
/**
 * Synth runs mostly synchronously, so the library cannot count on refreshing the lock's timestamp:
 * age alone must not make a lock stale before any synth could finish. A holder that died on this
 * machine is recognised at once by its process id; age is the fallback for another machine.
 */
const STALE_MS = 10 * 60_000;
/** A live holder writes its name within milliseconds of taking the lock. */
const NAMELESS_STALE_MS = 10_000;

const lockPathOf = (outdir: string) => `${outdir}.lock`;
const holderPathOf = (outdir: string) => `${outdir}.lock.json`;

function rmdirIfPresent(folder: string): void {
  try {
    rmdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readHolder(outdir: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(holderPathOf(outdir), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function lockAgeMs(outdir: string): number | undefined {
  try {
    return Date.now() - statSync(lockPathOf(outdir)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** A lock left by a process that is gone: its holder died on this machine, or never wrote its name. */
function isAbandoned(outdir: string, holder: LockHolder | undefined): boolean {
  if (holder === undefined) return (lockAgeMs(outdir) ?? 0) > NAMELESS_STALE_MS;
  return holder.hostname === hostname() && !isProcessRunning(holder.pid);
}

/**
 * Removes an abandoned lock. Several waiters may find the same one, so removal happens under a
 * second, short-lived lock, and only if the lock still belongs to the holder that was found dead.
 */
function takeOver(outdir: string, abandoned: LockHolder | undefined): void {
  let releaseGuard: () => void;
  try {
    releaseGuard = lockfile.lockSync(outdir, { lockfilePath: `${lockPathOf(outdir)}.takeover`, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') return;
    throw error;
  }
  try {
    const holder = readHolder(outdir);
    if (holder?.token === abandoned?.token && isAbandoned(outdir, holder)) {
      rmSync(holderPathOf(outdir), { force: true });
      // proper-lockfile's lock is an empty folder.
      rmdirIfPresent(lockPathOf(outdir));
    }
  } finally {
    releaseGuard();
  }
}

export function describeHolder(holder: LockHolder | undefined): string {
  if (holder === undefined) return 'another process (it has not written its name yet)';
  const since = new Date(holder.since).toLocaleString();
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`;
  return `process ${holder.pid}${where} (${holder.command}), since ${since}`;
}

export interface OutputLock {
  /** Throws if another run took the lock over in the meantime (it judged this one dead). */
  assertHeld(): void;
  release(): void;
}

/**
 * Takes the exclusive lock on an output folder (`<outdir>.lock`), waiting as long as another run
 * holds it; `onWait` hears who that is (once per holder) and when the wait is over. A lock left
 * by a dead process is taken over. The lock is released on exit, on Ctrl-C and on termination.
 */
export async function lockOutputFolder(
  outdir: string,
  onWait: (message: string) => void = () => {},
): Promise<OutputLock> {
  mkdirSync(dirname(outdir), { recursive: true });
  const startedWaiting = Date.now();
  let announced: string | undefined;
  let compromised = false;
  let release: () => void;
  for (;;) {
    try {
      release = lockfile.lockSync(outdir, {
        lockfilePath: lockPathOf(outdir),
        realpath: false,
        stale: STALE_MS,
        onCompromised: () => (compromised = true),
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const holder = readHolder(outdir);
    if (isAbandoned(outdir, holder)) {
      onWait(`${outdir} was locked by ${describeHolder(holder)}, which is no longer running: taking the lock over`);
      takeOver(outdir, holder);
      continue;
    }
    if (announced !== (holder?.token ?? '')) {
      announced = holder?.token ?? '';
      onWait(`waiting for ${describeHolder(holder)}, which is writing ${outdir}`);
    }
    // Waiting yields, so another synth of this very process can finish and let go of the lock.
    await sleep(POLL_MS);
  }
  if (announced !== undefined) {
    onWait(`${outdir} is free after ${((Date.now() - startedWaiting) / 1000).toFixed(1)} s; proceeding`);
  }

  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command: [process.argv0, ...process.argv.slice(1)].join(' ').slice(0, 200),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  writeFileAtomically(holderPathOf(outdir), JSON.stringify(me));

  return {
    assertHeld() {
      if (compromised || readHolder(outdir)?.token !== me.token) {
        throw new Error(
          `the lock on ${outdir} was taken over by ${describeHolder(readHolder(outdir))} while this run held it; nothing was written`,
        );
      }
    },
    release() {
      // A lock taken over meanwhile is the other run's now: its holder file and lock stay.
      if (compromised || readHolder(outdir)?.token !== me.token) return;
      rmSync(holderPathOf(outdir), { force: true });
      try {
        release();
      } catch (error) {
        // Released already (a takeover removed it): never hide the error that ended the run.
        if (!['ERELEASED', 'ENOTACQUIRED'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      }
    },
  };
}
