import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PROJECT_DIR, run } from './run';
import { venvBin } from '../../emulator/python-venv';

export interface CheckovFinding {
  readonly check: string;
  readonly resource: string;
  readonly stack: string;
  readonly name: string;
}

export interface CheckovException {
  readonly check: string;
  readonly resource: string;
  readonly stacks: string[];
  readonly reason: string;
}

export const EXCEPTIONS_FILE = join(PROJECT_DIR, 'policy', 'checkov-exceptions.json');

export function readExceptions(): CheckovException[] {
  return (JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')) as { exceptions: CheckovException[] }).exceptions;
}

type Report = {
  summary: { passed: number; failed: number };
  results: { failed_checks: { check_id: string; resource: string; file_path: string; check_name: string }[] };
};

/** Scans every `stacks/<name>/cdk.tf.json` under `stacksDir` with checkov's terraform_json framework. */
export function scanStacks(stacksDir: string): { passed: number; findings: CheckovFinding[] } {
  const result = run(
    venvBin('checkov'),
    ['-d', stacksDir, '--framework', 'terraform_json', '-o', 'json', '--quiet', '--compact', '--skip-download'],
    {
      env: { BC_SKIP_MAPPING: 'TRUE' },
    },
  );
  // checkov exits 1 when any check fails; anything else is a crash.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`checkov failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  const parsed = JSON.parse(result.stdout) as Report | Report[];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  return {
    passed: reports.reduce((n, r) => n + r.summary.passed, 0),
    findings: reports.flatMap((r) =>
      r.results.failed_checks.map((f) => ({
        check: f.check_id,
        resource: f.resource,
        stack: basename(dirname(f.file_path)),
        name: f.check_name,
      })),
    ),
  };
}
