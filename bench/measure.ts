import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../runtime/processes';
import { createTemporaryFolder, removeTemporaryFolder } from '../runtime/temporary-folders';
import { VARIABLES } from '../runtime/environment-variables';

export interface Measurement {
  /** Wall time from spawn to exit. */
  readonly seconds: number;
  /** The largest peak resident memory of any Node process in the command's tree, in MiB. */
  readonly peakMiB: number;
  /**
   * CPU time (user + system) of the whole process tree, where the platform reports it (Linux):
   * steadier than wall time on a machine that other work keeps busy.
   */
  readonly cpuSeconds: number;
}

export interface Command {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

const PRELOAD = join(__dirname, 'peak-memory.js');

/** CPU seconds of this process's finished children (and theirs), from /proc; NaN elsewhere. */
function childrenCpuSeconds(): number {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (1/100 s).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs `command` to completion and measures it. Fails with the command's output when it does not
 * exit 0: a benchmark that timed a failure would report a meaningless figure.
 */
export function measure(command: Command): Promise<Measurement> {
  const scratch = createTemporaryFolder('bench-memory');
  const memoryFile = join(scratch.root, 'peaks');
  const nodeOptions = [process.env[VARIABLES.nodeOptions], `--require ${JSON.stringify(PRELOAD)}`]
    .filter(Boolean)
    .join(' ');
  const started = process.hrtime.bigint();
  const cpuBefore = childrenCpuSeconds();
  const run = runCommand(command.command, command.args, {
    cwd: command.cwd,
    env: {
      // The user's own selection or folders must not change what is measured: each workload sets its own.
      ...Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !key.startsWith('CAMPAIGN_AAM_') && key !== VARIABLES.outdir),
      ),
      CHECKPOINT_DISABLE: '1',
      FORCE_COLOR: '0',
      ...command.env,
      NODE_OPTIONS: nodeOptions,
      [VARIABLES.benchMemoryFile]: memoryFile,
    },
  });
  return run
    .then(({ status, signal, output }) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpuSeconds = childrenCpuSeconds() - cpuBefore;
      if (status !== 0) {
        const what = [command.command, ...command.args].join(' ');
        throw new Error(
          `${what} (in ${command.cwd}) failed with ${signal ?? `exit ${status}`}:\n${output.slice(-4000)}`,
        );
      }
      let peaks: number[] = [];
      try {
        peaks = readFileSync(memoryFile, 'utf8').split('\n').filter(Boolean).map(Number);
      } catch {
        // no Node process in the tree (e.g. terraform): memory is not reported
      }
      return { seconds, cpuSeconds, peakMiB: peaks.length === 0 ? Number.NaN : Math.max(...peaks) / 1024 };
    })
    .finally(() => removeTemporaryFolder(scratch));
}
