import { appendFileSync } from 'node:fs';

/**
 * Preloaded (`node --require`) into every Node process the benchmark measures: on exit, each
 * appends its own peak resident memory (kB) to the file named by the variable, so the runner
 * sees the peak of a process tree without platform tools such as `/usr/bin/time`.
 */
export const PEAK_MEMORY_FILE_VARIABLE = 'CAMPAIGN_AAM_BENCH_MEMORY_FILE';

const file = process.env[PEAK_MEMORY_FILE_VARIABLE];
if (file !== undefined) {
  process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
