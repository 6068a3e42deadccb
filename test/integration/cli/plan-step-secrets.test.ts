import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { planFingerprint } from '../../../deploy/plan-fingerprint';
import type { Plan } from '../../../review/plan/plan-file';
import { plan, resourceChange } from '../../unit/review/plan-support';
import { PROJECT_DIR, run } from '../../support/run';
import { tempDir } from '../../support/temp';

jest.setTimeout(240_000);

const PLANTED = 'PLANTED-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A saved plan of staging as `terraform show -json` gives it where state holds the secret in plain text. */
const key = (status: string) => ({
  user: 'campaign-aam-staging',
  secret: PLANTED,
  ses_smtp_password_v4: `${PLANTED}-smtp`,
  status,
});
const plantedPlan = plan(
  [
    resourceChange(
      'aws_iam_access_key.integration_access-key_key_blue_1A2B3C4D',
      ['update'],
      key('Active'),
      key('Inactive'),
      {
        before_sensitive: { secret: true, ses_smtp_password_v4: true },
        after_sensitive: { secret: true, ses_smtp_password_v4: true },
      },
    ),
  ],
  {
    prior_state: { values: { root_module: { resources: [{ values: key('Active') }] } } },
    output_changes: {
      secret_access_key_blue: {
        actions: ['no-op'],
        before: PLANTED,
        after: PLANTED,
        before_sensitive: true,
        after_sensitive: true,
      },
    },
  },
);

/** Every file under `dir`, with its content. */
function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return found;
}

/**
 * The pull-request plan job's "Plan and review" step, run as the workflow writes it, with `npm run
 * plan` standing in (it writes the planted plan where --json-plan says, as the real one does) and
 * the real `npm run review`.
 */
function runPlanStep() {
  const step = (
    parse(readFileSync(join(PROJECT_DIR, '.github/workflows/pull-request.yml'), 'utf8')).jobs.plan.steps as {
      run?: string;
    }[]
  ).find((s) => (s.run ?? '').includes('--json-plan'))!;
  const work = tempDir();
  const runnerTemp = join(work, 'runner-temp');
  const bin = join(work, 'bin');
  mkdirSync(runnerTemp);
  mkdirSync(bin);
  const planted = join(work, 'planted.json');
  writeFileSync(planted, JSON.stringify(plantedPlan));
  const review = `node ${join(PROJECT_DIR, 'dist/cli/review.js')}`;
  writeFileSync(
    join(bin, 'npm'),
    [
      '#!/bin/sh',
      '[ "$2" = --silent ] && shift',
      'script="$2"; shift 3',
      'case "$script" in',
      `  plan) while [ "$1" != --json-plan ]; do shift; done; cp ${planted} "$2"; echo "staging: plan fingerprint x" ;;`,
      `  review) exec ${review} "$@" ;;`,
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(join(bin, 'npm'), 0o755);
  const summary = join(work, 'summary.md');
  const result = run('bash', ['-e', '-c', step.run!], {
    cwd: PROJECT_DIR,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      RUNNER_TEMP: runnerTemp,
      GITHUB_STEP_SUMMARY: summary,
      ENVIRONMENT: 'staging',
      POSITION: '2',
    },
  });
  return { result, runnerTemp, summary };
}

describe('a planted secret in a saved plan (the pull-request plan step)', () => {
  it('reaches no file a later step can read, nor the job summary, nor the fingerprint', () => {
    const gitStatus = () => run('git', ['status', '--porcelain'], { cwd: PROJECT_DIR }).stdout;
    const before = gitStatus();
    const { result, runnerTemp, summary } = runPlanStep();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: expect.any(String) });

    // The step's private plan folder is gone; what is left is the review that goes in the artifact.
    const left = files(runnerTemp);
    expect([...left.keys()].map((f) => f.slice(runnerTemp.length))).toEqual(['/plan-review/plan-2-staging.md']);
    const [review] = left.values();
    expect(review).toMatch(/^<!-- campaign-aam-report -->\n/);
    expect(review).toContain('aws_iam_access_key.integration_access-key_key_blue_1A2B3C4D');
    expect(statSync(summary).size).toBeGreaterThan(0);
    for (const [file, text] of [...left, [summary, readFileSync(summary, 'utf8')]]) {
      expect({ file, leaked: text.includes(PLANTED) }).toEqual({ file, leaked: false });
    }
    expect(planFingerprint(plantedPlan as unknown as Plan)).not.toContain(PLANTED);
    // Nothing was written into the checkout, where the pull request's later steps run.
    expect(gitStatus()).toBe(before);
  });
});
