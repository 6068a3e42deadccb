import type { Measurement } from './measure';

/** The figures kept for one workload: every run, their median and the highest memory peak. */
export interface Figures {
  readonly medianSeconds: number;
  readonly runsSeconds: readonly number[];
  /** Median CPU time of the process tree (NaN where the platform does not report it). */
  readonly medianCpuSeconds: number;
  /** The highest peak resident memory over the runs, in MiB (NaN when not reported). */
  readonly peakMiB: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function figures(measurements: readonly Measurement[]): Figures {
  return {
    medianSeconds: median(measurements.map((m) => m.seconds)),
    runsSeconds: measurements.map((m) => m.seconds),
    medianCpuSeconds: median(measurements.map((m) => m.cpuSeconds)),
    peakMiB: Math.max(...measurements.map((m) => m.peakMiB)),
  };
}
