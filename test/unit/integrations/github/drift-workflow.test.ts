import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { driftMatrix } from '../../../../integrations/github/plan-matrix';
import { actionlint } from '../../../support/actionlint';
import { loadExamples } from '../../../support/examples';
import { PROJECT_DIR } from '../../../support/run';

const FILE = '.github/workflows/drift.yml';
const text = readFileSync(join(PROJECT_DIR, FILE), 'utf8');
const workflow = parse(text);

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown };
  steps: Step[];
};
const jobs = workflow.jobs as Record<string, Job>;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('the drift workflow', () => {
  it('passes actionlint', async () => {
    const findings = await actionlint(text, FILE);
    expect(findings.map((f) => `${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('runs on a daily schedule and on demand, never on a pull request or a push', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d{1,2} \d{1,2} \* \* \*$/) }]);
    expect(text).not.toMatch(/pull_request/);
  });

  it('runs only on the default branch, which is all the read roles trust', () => {
    expect(jobs.matrix.if).toContain("github.event_name == 'schedule'");
    expect(jobs.matrix.if).toContain('github.ref_name == github.event.repository.default_branch');
    expect(jobs.check.needs).toBe('matrix');
    expect(jobs.issues.needs).toEqual(['matrix', 'check']);
  });

  it('grants each job the least it needs: a role only to the checks, issues only to the job that runs none of them', () => {
    expect(workflow.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(jobs).map(([name, job]) => [name, job.permissions]))).toEqual({
      matrix: { contents: 'read' },
      check: { contents: 'read', 'id-token': 'write' },
      issues: { contents: 'read', issues: 'write' },
    });
    const assumesRole = (job: Job) =>
      job.steps.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    expect(
      Object.entries(jobs)
        .filter(([, job]) => assumesRole(job))
        .map(([name]) => name),
    ).toEqual(['check']);
  });

  it('checks every environment of the computed matrix in parallel, none stopping the others', () => {
    expect(jobs.check.strategy).toEqual({
      'fail-fast': false,
      matrix: '${{ fromJSON(needs.matrix.outputs.matrix) }}',
    });
    expect(runs(jobs.matrix)).toContain('npm run --silent plan-matrix -- --roles AWS_DRIFT_ROLES');
    // No environment is named by hand anywhere in the workflow.
    expect(text).not.toMatch(/\b(dev|staging|production)\b/);
  });

  it('keeps plans and credentials in the check job: it uploads only the words of the result', () => {
    const upload = jobs.check.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.path).toBe('drift-results/');
    expect(runs(jobs.check)).toContain(
      'npm run --silent drift -- "$ENVIRONMENT" --json --out "drift-results/$ENVIRONMENT.md"',
    );
    expect(runs(jobs.check)).not.toMatch(/tfplan|show -json/);
    for (const job of Object.values(jobs)) {
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
      expect(checkout.with).toEqual({ 'persist-credentials': false });
    }
  });

  it('writes issues from the results alone, as data, in a job without AWS access', () => {
    expect(runs(jobs.issues)).toContain(
      'npm run --silent drift-issues -- --results drift-results "${names[@]}" >> "$GITHUB_STEP_SUMMARY"',
    );
    expect(jobs.issues.steps.map((s) => s.uses?.split('@')[0] ?? s.run?.split(' ').slice(0, 3).join(' '))).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm ci --no-audit',
      'actions/download-artifact',
      'read -ra names',
    ]);
  });

  it('checks the Audience Manager IDs only where that check is configured', () => {
    const aam = jobs.check.steps.find((s) => (s.run ?? '').includes('check-aam'))!;
    expect(aam.if).toBe("vars.AAM_CLIENT_ID != ''");
    expect(aam.run).toContain('npm run --silent check-aam -- "$ENVIRONMENT" --json');
  });
});

describe('the drift matrix (AWS_DRIFT_ROLES)', () => {
  it('lists the environments with a drift role, and names that variable in its errors', async () => {
    const environments = await loadExamples();
    const role = 'arn:aws:iam::123456789012:role/campaign-aam-drift';
    expect(driftMatrix(environments, JSON.stringify({ production: role }))).toEqual([
      { environment: 'production', role, region: 'eu-west-1', position: 1 },
    ]);
    expect(() => driftMatrix(environments, '[]')).toThrow(
      'AWS_DRIFT_ROLES must be a JSON object mapping environment names to role ARNs',
    );
  });
});
