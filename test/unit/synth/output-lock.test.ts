import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockOutputFolder } from '../../../synth/output-lock';
import { tempDir } from '../../support/temp';

/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('the lock on an output folder', () => {
  it('is released with its holder file', async () => {
    const project = tempDir();
    const lock = await lockOutputFolder(join(project, 'cdktf.out'));
    expect(readdirSync(project).sort()).toEqual(['cdktf.out.lock', 'cdktf.out.lock.json']);
    lock.release();
    expect(readdirSync(project)).toEqual([]);
  });

  it('left by a process that died on this machine is taken over, saying so', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    mkdirSync(`${outdir}.lock`);
    const pid = deadPid();
    const since = new Date();
    writeFileSync(
      `${outdir}.lock.json`,
      JSON.stringify({
        pid,
        hostname: hostname(),
        command: 'node dist/main.js',
        since: since.toISOString(),
        token: 'dead',
      }),
    );
    const messages: string[] = [];
    const lock = await lockOutputFolder(outdir, (m) => messages.push(m));
    expect(messages).toEqual([
      `${outdir} was locked by process ${pid} (node dist/main.js), since ${since.toLocaleString()}, which is no longer running: taking the lock over`,
    ]);
    lock.assertHeld();
    lock.release();
  });

  it('that never got its holder written is taken over once it is old', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    mkdirSync(`${outdir}.lock`);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${outdir}.lock`, minuteAgo, minuteAgo);
    const lock = await lockOutputFolder(outdir);
    lock.release();
    expect(existsSync(`${outdir}.lock`)).toBe(false);
  });

  it('stops a run from writing when another run took the lock over in the meantime', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    const lock = await lockOutputFolder(outdir);
    writeFileSync(
      `${outdir}.lock.json`,
      JSON.stringify({
        pid: 1,
        hostname: 'ci-runner-7',
        command: 'node dist/main.js',
        since: new Date().toISOString(),
        token: 'other',
      }),
    );
    expect(() => lock.assertHeld()).toThrow(
      /was taken over by process 1 on ci-runner-7 \(node dist\/main.js\), since .*; nothing was written/,
    );
    lock.release();
  });
});
