import { appendFileSync } from 'node:fs';
import { VARIABLES } from '../runtime/environment-variables';

/**
 * Preloaded (`node --require`) into every Node process the benchmark measures: on exit, each
 * appends its own peak resident memory (kB) to the file named by the variable, so the runner
 * sees the peak of a process tree without platform tools such as `/usr/bin/time`.
 */
const file = process.env[VARIABLES.benchMemoryFile];
if (file !== undefined) {
  process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
