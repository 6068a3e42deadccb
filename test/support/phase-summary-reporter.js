/* global module, process */
'use strict';

/** Test folders and the phase of the suite each one proves. */
const PHASES = [
  ['test/unit/', 'unit (config, constructs, policy, stacks, synth, handoff documents)'],
  ['test/integration/', 'integration (cdktf CLI, real Terraform and checkov on every example)'],
  ['test/e2e/', 'emulator end-to-end (cdktf deploy, SDK read-back, drift, locking, destroy)'],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Prints, after jest's own summary, which phases ran, how they fared and how long each took (from
 * its first test file's start to its last one's end), ending with one plain
 * `tests: N passed, N failed` line that CI reads.
 */
class PhaseSummaryReporter {
  onRunComplete(_contexts, results) {
    const phases = new Map(PHASES.map(([, name]) => [name, { passed: 0, failed: 0, start: Infinity, end: 0 }]));
    for (const file of results.testResults) {
      const path = file.testFilePath.replace(/\\/g, '/');
      const phase = PHASES.find(([folder]) => path.includes(`/${folder}`));
      if (phase === undefined) continue;
      const p = phases.get(phase[1]);
      p.passed += file.numPassingTests;
      p.failed += file.numFailingTests + (file.testExecError ? 1 : 0);
      if (file.perfStats && file.perfStats.start > 0) {
        p.start = Math.min(p.start, file.perfStats.start);
        p.end = Math.max(p.end, file.perfStats.end);
      }
    }
    const lines = ['', 'Phases:'];
    for (const [name, { passed, failed, start, end }] of phases) {
      const status = passed + failed === 0 ? 'not run' : failed === 0 ? 'ok     ' : 'FAILED ';
      const took = end > start ? ` (${seconds(end - start)})` : '';
      lines.push(`  ${status} ${name}: ${passed} passed, ${failed} failed${took}`);
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    lines.push(
      `tests: ${results.numPassedTests} passed, ${failed} failed (${seconds(Date.now() - results.startTime)})`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

module.exports = PhaseSummaryReporter;
