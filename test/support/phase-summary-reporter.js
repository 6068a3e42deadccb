/* global module, process */
'use strict';

/** Test folders and the phase of the suite each one proves. */
const PHASES = [
  ['test/unit/', 'unit (config, constructs, policy, stacks, synth, handoff documents, commands)'],
  ['test/integration/', 'integration (cdktf CLI, npm scripts, real Terraform and checkov, git revisions)'],
  ['test/e2e/', 'emulator end-to-end (deploy, local, review, adopt, recover, locking, rotation)'],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Prints, after jest's own summary, which phases ran and how they fared, with each phase's
 * duration: from its first test file's start to its last one's end, and the time its files took
 * in all (larger when files ran side by side). Ends with one plain `tests: N passed, N failed`
 * line that CI reads.
 */
class PhaseSummaryReporter {
  onRunComplete(_contexts, results) {
    const phases = new Map(
      PHASES.map(([, name]) => [name, { passed: 0, failed: 0, start: Infinity, end: 0, inFiles: 0 }]),
    );
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
        p.inFiles += file.perfStats.end - file.perfStats.start;
      }
    }
    const lines = ['', 'Phases:'];
    for (const [name, { passed, failed, start, end, inFiles }] of phases) {
      const status = passed + failed === 0 ? 'not run' : failed === 0 ? 'ok     ' : 'FAILED ';
      const took = end > start ? ` (${seconds(end - start)}; ${seconds(inFiles)} in its test files)` : '';
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
