import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { planEnvironment } from '../../../../integrations/github/plan-matrix';
import { REPORT_CODE, reportCodeChanges } from '../../../../integrations/github/report-provenance';
import { REPORT_MARKER } from '../../../../integrations/github/review-report';
import { PROJECT_DIR } from '../../../support/run';

/**
 * The trust model of docs/ci-cd.md, checked on the workflow files themselves: which jobs can run a
 * pull request's code, what they hold, and how the report crosses from the read-only side to the
 * side with the write token.
 */
const WORKFLOWS = join(PROJECT_DIR, '.github', 'workflows');

type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> };
type Job = {
  uses?: string;
  with?: Record<string, string>;
  if?: string;
  needs?: string | string[];
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  outputs?: Record<string, string>;
  steps?: Step[];
};
type Workflow = { name?: string; on: unknown; permissions?: unknown; jobs: Record<string, Job> };

const readWorkflows = (): Map<string, Workflow> =>
  new Map(
    readdirSync(WORKFLOWS)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => [f, parse(readFileSync(join(WORKFLOWS, f), 'utf8')) as Workflow]),
  );

const triggers = (workflow: Workflow): Record<string, unknown> => {
  const on = workflow.on;
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((t: string) => [t, null]));
  return on as Record<string, unknown>;
};

const environmentOf = (job: Job) => (typeof job.environment === 'object' ? job.environment.name : job.environment);
const permissionsOf = (job: Job): Record<string, string> =>
  typeof job.permissions === 'object' ? job.permissions : job.permissions === undefined ? {} : { '*': job.permissions };
const writes = (job: Job) =>
  Object.entries(permissionsOf(job))
    .filter(([scope, level]) => level === 'write' || (scope === '*' && /write/.test(level)))
    .map(([scope]) => scope);

/**
 * Whether a workflow can run code that is not on the protected main branch: the pull request's
 * (pull_request, pull_request_target), or any branch's (workflow_dispatch, push beyond main); a
 * reusable workflow inherits what its callers in the repository can.
 */
function runsUnprotectedCode(file: string, all: Map<string, Workflow>, seen = new Set<string>()): boolean {
  const on = triggers(all.get(file)!);
  const pushedBranches = (on.push as { branches?: string[] } | null | undefined)?.branches;
  if ('pull_request' in on || 'pull_request_target' in on || 'workflow_dispatch' in on) return true;
  if ('push' in on && JSON.stringify(pushedBranches) !== JSON.stringify(['main'])) return true;
  if ('workflow_call' in on) {
    seen.add(file);
    return [...all].some(
      ([caller, w]) =>
        !seen.has(caller) &&
        Object.values(w.jobs).some((j) => j.uses === `./.github/workflows/${file}`) &&
        runsUnprotectedCode(caller, all, seen),
    );
  }
  return false;
}

/** Every way a set of workflows breaks the trust model, one line each. */
function trustFindings(all: Map<string, Workflow>): string[] {
  const findings: string[] = [];
  for (const [file, workflow] of all) {
    const on = triggers(workflow);
    if ('pull_request_target' in on) {
      findings.push(`${file}: pull_request_target runs with a write token and secrets next to the pull request`);
    }
    const unprotected = runsUnprotectedCode(file, all);
    const prCode = 'pull_request' in on;
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const where = `${file}: job ${name}`;
      const environment = environmentOf(job);
      // A job that calls a reusable workflow only passes permissions on: the called jobs are checked.
      if (permissionsOf(job)['id-token'] === 'write' && job.uses === undefined) {
        if (environment === undefined) {
          if (unprotected)
            findings.push(`${where} holds id-token: write and can run unprotected code, without a GitHub Environment`);
        } else if (prCode && !environment.startsWith(planEnvironment(''))) {
          findings.push(
            `${where} runs a pull request's code in Environment "${environment}", not a plan-<environment> one`,
          );
        }
      }
      const written = writes(job).filter((scope) => scope !== 'id-token');
      if (prCode && written.length > 0)
        findings.push(`${where} runs a pull request's code with write access (${written.join(', ')})`);
      const steps = job.steps ?? [];
      if (prCode && environment === undefined && steps.some((s) => JSON.stringify(s).includes('secrets.'))) {
        findings.push(`${where} runs a pull request's code with a secret`);
      }
      if ('workflow_run' in on) {
        for (const step of steps) {
          if (
            step.uses?.startsWith('actions/checkout@') &&
            (step.with?.ref !== undefined || step.with?.repository !== undefined)
          ) {
            findings.push(`${where} checks out other code than the default branch's`);
          }
          if (
            step.uses?.startsWith('actions/download-artifact@') &&
            !String(step.with?.path).startsWith('${{ runner.temp }}')
          ) {
            findings.push(`${where} downloads an artifact into the workspace, where it could replace code`);
          }
        }
        const untrusted = [...JSON.stringify(job).matchAll(/github\.event\.workflow_run\.([\w.]+)/g)]
          .map((m) => m[1])
          .filter((field) => !['id', 'head_sha', 'event', 'conclusion'].includes(field));
        if (untrusted.length > 0)
          findings.push(`${where} reads fields the pull request controls: ${untrusted.join(', ')}`);
      }
    }
  }
  return findings;
}

const yaml = (text: string) => parse(text) as Workflow;

describe('the workflow trust checks', () => {
  it('find nothing in the workflows of this repository', () => {
    expect(trustFindings(readWorkflows())).toEqual([]);
  });

  describe('find every way a pull request reaches a role, a secret or a write token', () => {
    const check = (workflows: Record<string, string>) =>
      trustFindings(new Map(Object.entries(workflows).map(([f, text]) => [f, yaml(text)])));
    const job = (lines: string[]) =>
      ['jobs:', '  j:', '    runs-on: ubuntu-24.04', ...lines.map((l) => `    ${l}`)].join('\n');

    it('an id-token job without a GitHub Environment, on a pull request or a dispatch from any branch', () => {
      const unbound = job(['permissions:', '  id-token: write', 'steps: [{run: "true"}]']);
      expect(
        check({ 'pr.yml': `on: pull_request\n${unbound}`, 'any.yml': `on: workflow_dispatch\n${unbound}` }),
      ).toEqual([
        'pr.yml: job j holds id-token: write and can run unprotected code, without a GitHub Environment',
        'any.yml: job j holds id-token: write and can run unprotected code, without a GitHub Environment',
      ]);
      expect(check({ 'main.yml': `on:\n  push:\n    branches: [main]\n${unbound}` })).toEqual([]);
    });

    it('a reusable workflow whose caller runs on pull requests', () => {
      const called = `on: workflow_call\n${job(['permissions:', '  id-token: write', 'steps: [{run: "true"}]'])}`;
      const caller =
        'on: pull_request\njobs:\n  c:\n    uses: ./.github/workflows/called.yml\n    permissions:\n      id-token: write';
      expect(check({ 'called.yml': called, 'caller.yml': caller })).toEqual([
        'called.yml: job j holds id-token: write and can run unprotected code, without a GitHub Environment',
      ]);
    });

    it('a pull-request job in a deploy Environment, with write access, or with a secret', () => {
      const workflow = `on: pull_request\n${job([
        'environment: production',
        'permissions:',
        '  id-token: write',
        '  pull-requests: write',
        'steps: [{run: "true"}]',
      ])}\n  k:\n    runs-on: ubuntu-24.04\n    permissions: {}\n    steps:\n      - run: "true"\n        env:\n          T: \${{ secrets.T }}`;
      expect(check({ 'pr.yml': workflow })).toEqual([
        'pr.yml: job j runs a pull request\'s code in Environment "production", not a plan-<environment> one',
        "pr.yml: job j runs a pull request's code with write access (pull-requests)",
        "pr.yml: job k runs a pull request's code with a secret",
      ]);
      expect(check({ 't.yml': `on: pull_request_target\njobs: {}` })).toEqual([
        't.yml: pull_request_target runs with a write token and secrets next to the pull request',
      ]);
    });

    it("a posting workflow that runs the pull request's code or lets its artifact into the workspace", () => {
      const workflow = `on:\n  workflow_run:\n    workflows: [x]\n${job([
        'permissions:',
        '  pull-requests: write',
        'steps:',
        '  - uses: actions/checkout@0000000000000000000000000000000000000000',
        '    with:',
        '      ref: ${{ github.event.workflow_run.head_sha }}',
        '  - uses: actions/download-artifact@0000000000000000000000000000000000000000',
        '    with:',
        '      path: report',
        '  - run: echo "$B"',
        '    env:',
        '      B: ${{ github.event.workflow_run.head_branch }}',
      ])}`;
      expect(check({ 'post.yml': workflow })).toEqual([
        "post.yml: job j checks out other code than the default branch's",
        'post.yml: job j downloads an artifact into the workspace, where it could replace code',
        'post.yml: job j reads fields the pull request controls: head_branch',
      ]);
    });
  });
});

describe('the split between the report and its posting', () => {
  const all = readWorkflows();
  const pullRequest = all.get('pull-request.yml')!;
  const post = all.get('post-review.yml')!;
  const stepsOf = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);

  it('builds the report in a read-only job without secrets, and uploads it as the review-report artifact', () => {
    const report = pullRequest.jobs.report;
    expect(report.permissions).toEqual({ contents: 'read' });
    expect(environmentOf(report)).toBeUndefined();
    expect(JSON.stringify(report)).not.toMatch(/secrets\.|github\.token/);
    expect(
      (report.steps ?? []).filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => s.with?.name),
    ).toEqual(['review-report']);
    // Each part opens with the marker the poster checks.
    const parts = stepsOf(pullRequest).filter((s) => (s.run ?? '').includes('.md"'));
    expect(parts.filter((s) => (s.run ?? '').includes(`echo '${REPORT_MARKER}'`))).toHaveLength(2);
    expect(stepsOf(pullRequest).some((s) => (s.run ?? '').includes('sticky-comment'))).toBe(false);
  });

  it('posts it from a workflow_run workflow of the pull-request workflow, the only write token beside the drift issues (a workflow no pull request triggers)', () => {
    expect(triggers(post)).toEqual({ workflow_run: { workflows: [pullRequest.name], types: ['completed'] } });
    const writers = [...all].flatMap(([file, w]) =>
      Object.entries(w.jobs).flatMap(([name, job]) =>
        writes(job)
          .filter((s) => s !== 'id-token')
          .map((s) => `${file}:${name}:${s}`),
      ),
    );
    expect(writers).toEqual(['drift.yml:issues:issues', 'post-review.yml:post:pull-requests']);
    expect(Object.keys(triggers(all.get('drift.yml')!)).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const download = stepsOf(post).find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ name: 'review-report', 'run-id': '${{ github.event.workflow_run.id }}' });
    const posting = stepsOf(post).find((s) => (s.run ?? '').includes('sticky-comment'))!;
    expect(posting.run).toBe(
      'npm run --silent sticky-comment -- --report-dir "$RUNNER_TEMP/review-report" --head-sha "$HEAD_SHA"',
    );
    expect(posting.env?.HEAD_SHA).toBe('${{ github.event.workflow_run.head_sha }}');
  });
});

describe('the plans', () => {
  const all = readWorkflows();
  const jobsWithRole = [...all].flatMap(([file, w]) =>
    Object.entries(w.jobs)
      .filter(([, job]) => permissionsOf(job)['id-token'] === 'write' && job.uses === undefined)
      .map(([name, job]) => ({ file, name, job })),
  );

  it('run in plan-<environment> Environments; the apply in the Environment of the environment itself; drift checks in drift-<environment>', () => {
    expect(jobsWithRole.map(({ file, name, job }) => [file, name, environmentOf(job)])).toEqual([
      ['deploy-environment.yml', 'plan', planEnvironment('${{ inputs.environment }}')],
      ['deploy-environment.yml', 'apply', '${{ inputs.environment }}'],
      ['drift.yml', 'check', 'drift-${{ matrix.environment }}'],
      ['pull-request.yml', 'plan', planEnvironment('${{ matrix.environment }}')],
    ]);
  });

  it('keep the plan JSON in a private folder of the step that plans, removed when it ends, never in an artifact (drift uploads its reports alone)', () => {
    const planning = [...all]
      .flatMap(([, w]) => Object.values(w.jobs).flatMap((j) => j.steps ?? []))
      .filter((s) => (s.run ?? '').includes('--json-plan'));
    expect(planning).toHaveLength(2);
    for (const step of planning) {
      expect(step.run).toContain(
        `plan_dir="$RUNNER_TEMP/plan"\nmkdir -m 700 "$plan_dir"\ntrap 'rm -rf "$plan_dir"' EXIT\n`,
      );
      expect([...step.run!.matchAll(/--json-plan "([^"]+)"/g)].map((m) => m[1])).toEqual([
        '$plan_dir/$ENVIRONMENT.plan.json',
      ]);
    }
    const uploaded = [...all]
      .flatMap(([, w]) => Object.values(w.jobs).flatMap((j) => j.steps ?? []))
      .filter((s) => s.uses?.startsWith('actions/upload-artifact@'))
      .map((s) => s.with?.path);
    expect(uploaded).toEqual([
      'drift-results/',
      '${{ runner.temp }}/plan-review/',
      '${{ runner.temp }}/review-report/',
    ]);
  });

  it('apply in deploy-environment.yml only the approved plan, its fingerprint from the plan job', () => {
    const deploy = all.get('deploy-environment.yml')!;
    expect(triggers(deploy)).toEqual({
      workflow_call: { inputs: { environment: expect.objectContaining({ required: true, type: 'string' }) } },
    });
    expect(deploy.jobs.plan.outputs).toEqual({ fingerprint: '${{ steps.plan.outputs.fingerprint }}' });
    expect(deploy.jobs.apply.needs).toBe('plan');
    const apply = (deploy.jobs.apply.steps ?? []).find((s) => (s.run ?? '').startsWith('npm run deploy'))!;
    expect(apply.run).toBe('npm run deploy -- "$ENVIRONMENT" --expect-plan "$FINGERPRINT"');
    expect(apply.env?.FINGERPRINT).toBe('${{ needs.plan.outputs.fingerprint }}');
    expect([...all].some(([, w]) => JSON.stringify(w).includes('--auto-approve'))).toBe(false);
  });
});

describe('docs/ci-cd.md', () => {
  const docs = readFileSync(join(PROJECT_DIR, 'docs', 'ci-cd.md'), 'utf8');
  const documentedSubjects = [...docs.matchAll(/"token\.actions\.githubusercontent\.com:sub": "([^"]+)"/g)].map(
    (m) => m[1],
  );

  it('documents a trust policy for exactly the OIDC subjects the workflows present, and none for pull requests or branches', () => {
    const presented = [...readWorkflows()].flatMap(([, w]) =>
      Object.values(w.jobs)
        .filter((job) => permissionsOf(job)['id-token'] === 'write' && job.uses === undefined)
        .map(
          (job) =>
            `repo:<owner>/<repository>:environment:${environmentOf(job)!.replace(/\$\{\{ (inputs|matrix)\.environment \}\}/, '<environment>')}`,
        ),
    );
    expect(new Set(documentedSubjects)).toEqual(new Set(presented));
    expect(documentedSubjects.filter((s) => /:pull_request|:ref:/.test(s))).toEqual([]);
  });

  it('ships a CODEOWNERS example covering the code that produces the report', () => {
    const codeowners = /```text\n(# \.github\/CODEOWNERS[\s\S]*?)```/.exec(docs)?.[1] ?? '';
    const owned = codeowners
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(/\s+/)[0]);
    expect(owned).toEqual(expect.arrayContaining(REPORT_CODE.map((path) => `/${path}`)));
  });

  it("counts as the report's code every folder the review command is built from", () => {
    // Follows the relative imports of cli/review.ts, as the build does.
    const seen = new Set<string>();
    const queue = ['cli/review.ts'];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, spec] of readFileSync(join(PROJECT_DIR, file), 'utf8').matchAll(
        /(?:from|import)\s+'(\.{1,2}\/[^']+)'/g,
      )) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        const found = [`${target}.ts`, `${target}/index.ts`].find((f) => existsSync(join(PROJECT_DIR, f)));
        if (found !== undefined) queue.push(found);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    const uncovered = [...seen].filter((file) => reportCodeChanges([file]).length === 0);
    expect(uncovered).toEqual([]);
  });
});
