import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchmarkEnvironmentName, writeBenchmarkEnvironments } from '../../../../bench/environments';
import { PROMOTION_FILE } from '../../../../config/environment-files';
import type { Lane } from '../../../../config/promotion-lanes';
import {
  checkLayout,
  deployResults,
  deployWaves,
  MATRIX_LIMIT,
  planWave,
  splitMatrix,
  waveOutputs,
  waveSummary,
  WORKFLOW_LAYOUT,
} from '../../../../integrations/github/deploy-waves';
import { promotionGraph, type PromotionGraph } from '../../../../promote/lanes';
import { lanesOf, loadWorkspace } from '../../../../promote/workspace';
import { FAN_OUT, FAN_OUT_LANES, lanesProject, TWO_BRAND_LANES, TWO_BRANDS } from '../../../support/lanes-project';
import { environmentsOf } from '../../../support/promote-project';
import { tempDir } from '../../../support/temp';

const graphOf = async (project: string) => lanesOf(await loadWorkspace(environmentsOf(project), project));

/** The graph of declared lanes alone (no files): for shapes larger than a test should write. */
const declared = (lanes: Lane[]): PromotionGraph =>
  promotionGraph([], { file: PROMOTION_FILE, exists: true, lanes, intendedDifferences: [] });

const results = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('deploy waves from the lanes', () => {
  it('deploy the same stage of both brands side by side, one wave per stage', async () => {
    const graph = await graphOf(lanesProject(TWO_BRANDS, { lanes: TWO_BRAND_LANES }));
    expect(deployWaves(graph)).toEqual([
      ['brand-a-dev', 'brand-b-dev'],
      ['brand-a-staging', 'brand-b-staging'],
      ['brand-a-production', 'brand-b-production'],
    ]);
  });

  it('deploy both regional productions once their staging has deployed', async () => {
    const graph = await graphOf(lanesProject(FAN_OUT, { lanes: FAN_OUT_LANES }));
    expect(deployWaves(graph)).toEqual([['dev'], ['staging'], ['production-eu', 'production-us']]);
  });

  it('follow the tiers when no lanes are declared and each tier holds one environment', async () => {
    const graph = await graphOf(lanesProject({ dev: [0, 0], staging: [1, 0], production: [2, 0] }));
    expect(deployWaves(graph)).toEqual([['dev'], ['staging'], ['production']]);
  });
});

describe('planning a wave', () => {
  let graph: PromotionGraph;
  beforeAll(async () => (graph = await graphOf(lanesProject(TWO_BRANDS, { lanes: TWO_BRAND_LANES }))));

  it('starts with every environment nothing is promoted into, as step outputs', () => {
    const plan = planWave(graph, 1, results({}));
    expect(waveOutputs(plan)).toBe(
      [
        'part-1={"include":[{"environment":"brand-a-dev"},{"environment":"brand-b-dev"}]}',
        'part-1-any=true',
        'part-2={"include":[]}',
        'part-2-any=false',
        'later=true',
      ].join('\n'),
    );
  });

  it("stops a lane's later stages when one of its deploys fails, and only that lane's", () => {
    const wave2 = planWave(graph, 2, results({ 'brand-a-dev': 'failure', 'brand-b-dev': 'success' }));
    expect([wave2.parts, wave2.held]).toEqual([
      [['brand-b-staging'], []],
      [{ environment: 'brand-a-staging', because: 'brand-a-dev did not deploy (failure)' }],
    ]);
    const wave3 = planWave(
      graph,
      3,
      results({ 'brand-a-dev': 'failure', 'brand-b-dev': 'success', 'brand-b-staging': 'success' }),
    );
    expect([wave3.parts, wave3.held]).toEqual([
      [['brand-b-production'], []],
      [{ environment: 'brand-a-production', because: 'brand-a-staging did not deploy (not run)' }],
    ]);
    expect(waveSummary(wave3)).toBe(
      [
        '### Deploy wave 3',
        '',
        'Deploying 1: brand-b-production',
        '',
        'Held back 1:',
        '- brand-a-production: brand-a-staging did not deploy (not run)',
      ].join('\n'),
    );
  });

  it('holds back both regional productions when their staging is cancelled or rejected', async () => {
    const fanOut = await graphOf(lanesProject(FAN_OUT, { lanes: FAN_OUT_LANES }));
    const plan = planWave(fanOut, 3, results({ dev: 'success', staging: 'cancelled' }));
    expect([plan.parts.flat(), plan.held.map((h) => h.environment)]).toEqual([[], ['production-eu', 'production-us']]);
    expect(waveOutputs(plan).split('\n').slice(1)).toEqual([
      'part-1-any=false',
      'part-2={"include":[]}',
      'part-2-any=false',
      'later=false',
    ]);
    expect(planWave(fanOut, 4, results({})).parts).toEqual([[], []]);
  });

  it("reads each deploy's result from the run's jobs by the leg's name", () => {
    const jobs = [
      { name: 'Plan wave 1', conclusion: 'success' },
      { name: 'brand-a-dev / Deploy brand-a-dev', conclusion: 'failure' },
      { name: 'brand-b-dev / Deploy brand-b-dev', conclusion: 'success' },
      { name: 'brand-b-staging / Deploy brand-b-staging', conclusion: null },
      { name: 'brand-c-dev / Deploy brand-c-dev', conclusion: 'success' },
    ];
    expect([...deployResults(jobs, ['brand-a-dev', 'brand-b-dev', 'brand-b-staging'])]).toEqual([
      ['brand-a-dev', 'failure'],
      ['brand-b-dev', 'success'],
      ['brand-b-staging', 'unfinished'],
    ]);
  });

  it('refuses a wave number the workflow does not have', () => {
    expect(() => planWave(graph, 0, results({}))).toThrow('--wave must be a number from 1 to 6');
    expect(() => planWave(graph, Number('x'), results({}))).toThrow('--wave must be a number from 1 to 6');
  });
});

describe('at scale', () => {
  it('200 environments in 67 lanes: three waves, all within the matrix limit', async () => {
    const project = tempDir();
    const names = writeBenchmarkEnvironments(join(project, 'environments'), 200);
    const lanes: Record<string, string[]> = {};
    for (const name of names) (lanes[name.replace(/-[a-z]+$/, '')] ??= []).push(name);
    writeFileSync(join(project, 'environments', PROMOTION_FILE), JSON.stringify({ lanes }));
    const graph = await graphOf(project);

    const waves = deployWaves(graph);
    expect(Object.keys(lanes)).toHaveLength(67);
    expect(waves.map((w) => w.length)).toEqual([67, 67, 66]);
    expect(waves[2]).toEqual(names.filter((n) => n.endsWith('-production')));
    expect(waves[1]).toContain(benchmarkEnvironmentName(199));
    const plans = [1, 2, 3].map((wave) => planWave(graph, wave, new Map(names.map((n) => [n, 'success']))));
    expect(plans.map((p) => p.parts.map((part) => part.length))).toEqual([
      [67, 0],
      [67, 0],
      [66, 0],
    ]);
    expect(plans.flatMap((p) => p.parts).every((part) => part.length <= MATRIX_LIMIT)).toBe(true);
  });

  it('splits a wave into matrices of at most 256', () => {
    const lanes = Array.from({ length: 300 }, (_, i) => ({
      name: `brand-${i}`,
      environments: [`brand-${i}-dev`, `brand-${i}-production`],
    }));
    const plan = planWave(declared(lanes), 1, results({}));
    expect(plan.parts.map((p) => p.length)).toEqual([256, 44]);
    expect(plan.parts[1][0]).toBe('brand-256-dev');
    expect(splitMatrix(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
    expect(splitMatrix([], 2)).toEqual([]);
  });

  it("refuses lanes the workflow's jobs cannot hold, before anything deploys", () => {
    const deep = declared([{ name: 'long', environments: ['s1', 's2', 's3', 's4', 's5', 's6', 's7'] }]);
    expect(() => planWave(deep, 1, results({}))).toThrow(
      'cannot plan the deploy: the lanes need 7 waves (their longest path has 7 environments), but deploy.yml has 6: add wave jobs to it and raise WORKFLOW_LAYOUT.waves in integrations/github/deploy-waves.ts',
    );
    const wide = [Array.from({ length: WORKFLOW_LAYOUT.partsPerWave * MATRIX_LIMIT + 1 }, (_, i) => `e${i}`)];
    expect(() => checkLayout(wide)).toThrow(
      "wave 1 holds 513 environments, more than deploy.yml's 2 matrices of 256: add a part job to every wave and raise WORKFLOW_LAYOUT.partsPerWave",
    );
  });
});
