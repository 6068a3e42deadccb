import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROMOTION_FILE } from '../config/environment-files';
import { deployWaves, MATRIX_LIMIT, planWave } from '../integrations/github/deploy-waves';
import { promotionStatus } from '../promote/status';
import { lanesOf, loadWorkspace } from '../promote/workspace';
import { writeBenchmarkEnvironments } from './environments';
import { median } from './statistics';

export interface LanesFigures {
  readonly environments: number;
  readonly lanes: number;
  readonly waves: number;
  /** The largest matrix any wave needs: at most 256. */
  readonly largestMatrix: number;
  /** Medians, in milliseconds: loading and validating the files and lanes; the graph, waves and every wave's plan; every step's comparison. */
  readonly loadMs: number;
  readonly wavesMs: number;
  readonly statusMs: number;
}

const time = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

/**
 * The cost of lanes at `size` environments (brands × dev/staging/production, one lane per brand):
 * what `npm run deploy-waves -- --wave <n>` and `npm run promote -- --status` compute, in process.
 */
export async function benchmarkLanes(workDir: string, size: number, runs: number): Promise<LanesFigures> {
  const project = join(workDir, `lanes-${size}`);
  mkdirSync(project, { recursive: true });
  const names = writeBenchmarkEnvironments(join(project, 'environments'), size);
  const lanes: Record<string, string[]> = {};
  for (const name of names) (lanes[name.replace(/-[a-z]+$/, '')] ??= []).push(name);
  writeFileSync(join(project, 'environments', PROMOTION_FILE), JSON.stringify({ lanes }));

  const load = () => loadWorkspace(join(project, 'environments'), project);
  const workspace = await load();
  const everyoneDeployed = new Map(names.map((n) => [n, 'success']));
  const loadMs: number[] = [];
  const wavesMs: number[] = [];
  const statusMs: number[] = [];
  let waves: string[][] = [];
  let largestMatrix = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await load();
    loadMs.push(performance.now() - start);
    wavesMs.push(
      time(() => {
        const graph = lanesOf(workspace);
        waves = deployWaves(graph);
        const plans = waves.map((_, i) => planWave(graph, i + 1, everyoneDeployed));
        largestMatrix = Math.max(...plans.flatMap((p) => p.parts.map((part) => part.length)));
      }),
    );
    statusMs.push(time(() => promotionStatus(workspace)));
  }
  if (largestMatrix > MATRIX_LIMIT)
    throw new Error(`a matrix of ${largestMatrix} legs exceeds GitHub's ${MATRIX_LIMIT}`);
  return {
    environments: size,
    lanes: Object.keys(lanes).length,
    waves: waves.length,
    largestMatrix,
    loadMs: median(loadMs),
    wavesMs: median(wavesMs),
    statusMs: median(statusMs),
  };
}

export function formatLanesReport(rows: readonly LanesFigures[]): string {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  return [
    '| environments | lanes | waves | largest matrix | load and validate | waves and plans | status of every step |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.environments} | ${r.lanes} | ${r.waves} | ${r.largestMatrix} | ${ms(r.loadMs)} | ${ms(r.wavesMs)} | ${ms(r.statusMs)} |`,
    ),
  ].join('\n');
}
