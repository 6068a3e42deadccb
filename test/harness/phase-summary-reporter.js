/* global module, process */
'use strict';

/** Test folders and the phase of the suite each one proves. */
const PHASES = [
  ['test/e2e/', 'emulator end-to-end (cdktf deploy, SDK read-back, drift, locking, destroy)'],
  ['test/terraform/', 'real Terraform and checkov (init, validate, plan and scan of every example)'],
  ['test/cli/', 'cdktf CLI'],
  ['test/', 'unit (config, constructs, stacks, handoff documents)'],
];

/**
 * Prints, after jest's own summary, which phases ran and how they fared, ending with one plain
 * `tests: N passed, N failed` line that CI reads.
 */
class PhaseSummaryReporter {
  onRunComplete(_contexts, results) {
    const counts = new Map(PHASES.map(([, name]) => [name, { passed: 0, failed: 0 }]));
    for (const file of results.testResults) {
      const path = file.testFilePath.replace(/\\/g, '/');
      const phase = PHASES.find(([folder]) => path.includes(`/${folder}`));
      const count = counts.get(phase[1]);
      count.passed += file.numPassingTests;
      count.failed += file.numFailingTests + (file.testExecError ? 1 : 0);
    }
    const lines = ['', 'Phases:'];
    for (const [name, { passed, failed }] of counts) {
      lines.push(
        `  ${passed + failed === 0 ? 'not run' : failed === 0 ? 'ok     ' : 'FAILED '} ${name}: ${passed} passed, ${failed} failed`,
      );
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    lines.push(`tests: ${results.numPassedTests} passed, ${failed} failed`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

module.exports = PhaseSummaryReporter;
