import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  APPLY_JOB_NAME,
  deployResults,
  planWave,
  waveOutputs,
  WORKFLOW_LAYOUT,
  type RunJob,
} from '../../../../integrations/github/deploy-waves';
import { lanesOf, loadWorkspace } from '../../../../promote/workspace';
import { lanesProject, TWO_BRAND_LANES, TWO_BRANDS } from '../../../support/lanes-project';
import { environmentsOf } from '../../../support/promote-project';
import { PROJECT_DIR } from '../../../support/run';

const WORKFLOWS = join(PROJECT_DIR, '.github', 'workflows');
const text = readFileSync(join(WORKFLOWS, 'deploy.yml'), 'utf8');

type Step = { id?: string; run?: string; env?: Record<string, string> };
type Job = {
  name?: string;
  needs?: string | string[];
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  permissions?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: string };
  outputs?: Record<string, string>;
  steps?: Step[];
};
const jobs = Object.entries(parse(text).jobs as Record<string, Job>);
const gates = jobs.filter(([, job]) => job.uses === undefined);
const deploys = jobs.filter(([, job]) => job.uses !== undefined);
const waves = Array.from({ length: WORKFLOW_LAYOUT.waves }, (_, i) => i + 1);
const parts = Array.from({ length: WORKFLOW_LAYOUT.partsPerWave }, (_, i) => i + 1);

describe('deploy.yml', () => {
  it('names no environment: every environment comes from the lanes through a matrix', () => {
    const names = readdirSync(join(PROJECT_DIR, 'environments'))
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(names.length).toBeGreaterThan(0);
    const words = new Set(text.match(/[a-z][a-z0-9-]*/g));
    expect(names.filter((n) => words.has(n))).toEqual([]);
    expect(new Set(deploys.map(([, job]) => JSON.stringify(job.with)))).toEqual(
      new Set([JSON.stringify({ environment: '${{ matrix.environment }}' })]),
    );
  });

  it('has a planning job per wave and a deploy matrix per part, as WORKFLOW_LAYOUT says', () => {
    expect(gates.map(([id]) => id)).toEqual(waves.map((w) => `wave-${w}`));
    expect(deploys.map(([id]) => id)).toEqual(waves.flatMap((w) => parts.map((p) => `wave-${w}-part-${p}`)));
  });

  it('plans each wave with npm run deploy-waves, after every deploy of the wave before, whatever they did', () => {
    for (const [id, job] of gates) {
      const wave = Number(id.replace('wave-', ''));
      const plan = job.steps!.find((s) => s.id === 'plan')!;
      expect(plan.run).toBe(`npm run --silent deploy-waves -- --wave ${wave} >> "$GITHUB_OUTPUT"`);
      expect(job.outputs).toEqual(
        Object.fromEntries(
          parts
            .flatMap((p) => [
              [`part-${p}`, `\${{ steps.plan.outputs.part-${p} }}`],
              [`part-${p}-any`, `\${{ steps.plan.outputs.part-${p}-any }}`],
            ])
            .concat([['later', '${{ steps.plan.outputs.later }}']]),
        ),
      );
      if (wave === 1) {
        expect([job.needs, job.if, job.permissions, plan.env]).toEqual([
          undefined,
          undefined,
          { contents: 'read' },
          undefined,
        ]);
      } else {
        expect(job.needs).toEqual([`wave-${wave - 1}`, ...parts.map((p) => `wave-${wave - 1}-part-${p}`)]);
        expect(job.if).toBe(
          `\${{ !cancelled() && needs.wave-${wave - 1}.result == 'success' && needs.wave-${wave - 1}.outputs.later == 'true' }}`,
        );
        // It reads this run's jobs to see which deploys succeeded: nothing more.
        expect(job.permissions).toEqual({ contents: 'read', actions: 'read' });
        expect(plan.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
      }
    }
  });

  it('deploys each leg through deploy-environment.yml, named after its environment, never failing fast', () => {
    for (const [id, job] of deploys) {
      const [, wave, part] = /^wave-(\d+)-part-(\d+)$/.exec(id)!;
      expect(job).toEqual({
        name: '${{ matrix.environment }}',
        needs: `wave-${wave}`,
        if: `needs.wave-${wave}.outputs.part-${part}-any == 'true'`,
        strategy: { 'fail-fast': false, matrix: `\${{ fromJSON(needs.wave-${wave}.outputs.part-${part}) }}` },
        uses: './.github/workflows/deploy-environment.yml',
        with: { environment: '${{ matrix.environment }}' },
        permissions: { contents: 'read', 'id-token': 'write' },
      });
    }
  });

  it("calls deploy-environment.yml with its only input; its apply job, named as deployResults reads it, is each leg's result", () => {
    const called = parse(readFileSync(join(WORKFLOWS, 'deploy-environment.yml'), 'utf8'));
    expect(Object.keys(called.on.workflow_call.inputs)).toEqual(['environment']);
    expect(Object.keys(called.jobs)).toEqual(['plan', 'apply']);
    expect(called.jobs.apply.name).toBe(`${APPLY_JOB_NAME} \${{ inputs.environment }}`);
    expect(called.jobs.apply.needs).toBe('plan');
  });

  /**
   * Runs the workflow as GitHub would, job by job in file order, with the real planning code: step
   * outputs become job outputs, matrices come from them, and each leg's conclusion is the
   * scenario's, listed the way the jobs API lists a called workflow's job.
   */
  async function simulate(failing: readonly string[]): Promise<{ deployed: string[]; planned: number[] }> {
    const project = lanesProject(TWO_BRANDS, { lanes: TWO_BRAND_LANES });
    const workspace = await loadWorkspace(environmentsOf(project), project);
    const graph = lanesOf(workspace);
    const names = workspace.environments.map((e) => e.name);
    const outputs = new Map<string, Record<string, string>>();
    const results = new Map<string, string>();
    const runJobs: RunJob[] = [];
    const deployed: string[] = [];
    const planned: number[] = [];
    const need = (expression: string) => {
      const [, gate, key] = /needs\.(wave-\d+)\.outputs\.([\w-]+)/.exec(expression)!;
      return outputs.get(gate)?.[key];
    };
    for (const [id, job] of jobs) {
      if (job.uses === undefined) {
        const previous = (job.needs as string[] | undefined)?.[0];
        if (
          previous !== undefined &&
          (results.get(previous) !== 'success' || outputs.get(previous)!.later !== 'true')
        ) {
          continue;
        }
        const wave = Number(/--wave (\d+)/.exec(job.steps!.find((s) => s.id === 'plan')!.run!)![1]);
        planned.push(wave);
        const stepOutputs = Object.fromEntries(
          waveOutputs(planWave(graph, wave, deployResults(runJobs, names)))
            .split('\n')
            .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
        );
        outputs.set(
          id,
          Object.fromEntries(
            Object.entries(job.outputs!).map(([key, value]) => [key, stepOutputs[/outputs\.([\w-]+)/.exec(value)![1]]]),
          ),
        );
        results.set(id, 'success');
        continue;
      }
      if (need(job.if!) !== 'true') continue;
      for (const { environment } of JSON.parse(need(job.strategy!.matrix!)!).include as { environment: string }[]) {
        const conclusion = failing.includes(environment) ? 'failure' : 'success';
        // The plan job succeeds either way: only the apply job's conclusion counts.
        runJobs.push({ name: `${environment} / Plan ${environment}`, conclusion: 'success' });
        runJobs.push({ name: `${environment} / Deploy ${environment}`, conclusion });
        if (conclusion === 'success') deployed.push(environment);
      }
    }
    return { deployed, planned };
  }

  it('deploys every stage of every lane when all goes well, planning no wave beyond the last', async () => {
    expect(await simulate([])).toEqual({
      deployed: [
        'brand-a-dev',
        'brand-b-dev',
        'brand-a-staging',
        'brand-b-staging',
        'brand-a-production',
        'brand-b-production',
      ],
      planned: [1, 2, 3],
    });
  });

  it("stops only the failing lane's later stages", async () => {
    expect((await simulate(['brand-a-staging'])).deployed).toEqual([
      'brand-a-dev',
      'brand-b-dev',
      'brand-b-staging',
      'brand-b-production',
    ]);
    expect((await simulate(['brand-b-dev'])).deployed).toEqual([
      'brand-a-dev',
      'brand-a-staging',
      'brand-a-production',
    ]);
  });
});
