import type { PromotionGraph } from '../../promote/lanes';
import { pathTo } from '../../promote/lanes';

/**
 * The deploy workflow's plan, from the lanes: wave 1 deploys every environment nothing is
 * promoted into, wave 2 every environment promoted from one of those, and so on. Within a wave
 * the environments of all lanes deploy side by side (one matrix leg each, bound to its own GitHub
 * Environment); an environment deploys only once the one it is promoted from deployed in this run,
 * so a failure stops the later stages of its own lane and nothing else.
 */

/** GitHub starts at most this many jobs from one matrix. */
export const MATRIX_LIMIT = 256;

/** How `.github/workflows/deploy.yml` is laid out: this many waves, each of this many matrix jobs. */
export const WORKFLOW_LAYOUT = { waves: 6, partsPerWave: 2 } as const;

export class DeployWavesError extends Error {}

/** The environments of each wave, in the order the lanes list them. */
export function deployWaves(graph: PromotionGraph): string[][] {
  const waves: string[][] = [];
  const listed = [...new Set(graph.lanes.flatMap((l) => l.environments))];
  for (const name of listed) {
    const depth = pathTo(graph, name).length - 1;
    (waves[depth] ??= []).push(name);
  }
  return waves;
}

/** A wave's environments in matrices of at most `limit` legs each. */
export function splitMatrix(names: readonly string[], limit = MATRIX_LIMIT): string[][] {
  const parts: string[][] = [];
  for (let i = 0; i < names.length; i += limit) parts.push(names.slice(i, i + limit));
  return parts;
}

/** Refuses lanes that the workflow's jobs cannot hold, before anything is deployed. */
export function checkLayout(waves: readonly (readonly string[])[], layout = WORKFLOW_LAYOUT, limit = MATRIX_LIMIT) {
  const problems: string[] = [];
  if (waves.length > layout.waves) {
    problems.push(
      `the lanes need ${waves.length} waves (their longest path has ${waves.length} environments), but deploy.yml has ${layout.waves}: add wave jobs to it and raise WORKFLOW_LAYOUT.waves in integrations/github/deploy-waves.ts`,
    );
  }
  waves.forEach((wave, i) => {
    if (wave.length > layout.partsPerWave * limit) {
      problems.push(
        `wave ${i + 1} holds ${wave.length} environments, more than deploy.yml's ${layout.partsPerWave} matrices of ${limit}: add a part job to every wave and raise WORKFLOW_LAYOUT.partsPerWave`,
      );
    }
  });
  if (problems.length > 0) throw new DeployWavesError(`cannot plan the deploy: ${problems.join('; ')}`);
}

/** How a deploy job of this run ended: GitHub's conclusion (`success`, `failure`, `cancelled`, `skipped`...). */
export type Results = ReadonlyMap<string, string>;

export interface WavePlan {
  readonly wave: number;
  /** What this wave deploys, split into the workflow's matrices. */
  readonly parts: readonly (readonly string[])[];
  /** Environments of this wave that wait for a later run, and why. */
  readonly held: readonly { readonly environment: string; readonly because: string }[];
  /** Whether the lanes have a wave after this one: the workflow skips the planning jobs beyond the last. */
  readonly later: boolean;
}

/**
 * What wave `wave` (from 1) deploys: all of wave 1; for a later wave, each environment whose source
 * deployed successfully in this run (`results`), the others held back with the reason.
 */
export function planWave(graph: PromotionGraph, wave: number, results: Results, layout = WORKFLOW_LAYOUT): WavePlan {
  const waves = deployWaves(graph);
  checkLayout(waves, layout);
  if (!Number.isInteger(wave) || wave < 1 || wave > layout.waves) {
    throw new DeployWavesError(`--wave must be a number from 1 to ${layout.waves}`);
  }
  const deploy: string[] = [];
  const held: { environment: string; because: string }[] = [];
  for (const environment of waves[wave - 1] ?? []) {
    const source = graph.sourceOf.get(environment)?.from;
    const result = source === undefined ? 'success' : (results.get(source) ?? 'not run');
    if (result === 'success') deploy.push(environment);
    else held.push({ environment, because: `${source} did not deploy (${result})` });
  }
  const parts = splitMatrix(deploy);
  return {
    wave,
    parts: Array.from({ length: layout.partsPerWave }, (_, i) => parts[i] ?? []),
    held,
    later: waves.length > wave,
  };
}

/**
 * The wave's plan as GitHub Actions step outputs: `part-<n>` (a matrix) and `part-<n>-any` for each
 * part, and `later`, whether another wave follows.
 */
export function waveOutputs(plan: WavePlan): string {
  return plan.parts
    .flatMap((names, i) => [
      `part-${i + 1}=${JSON.stringify({ include: names.map((environment) => ({ environment })) })}`,
      `part-${i + 1}-any=${names.length > 0}`,
    ])
    .concat(`later=${plan.later}`)
    .join('\n');
}

/** The wave's plan for people: the job summary and the log. */
export function waveSummary(plan: WavePlan): string {
  const deploying = plan.parts.flat();
  return [
    `### Deploy wave ${plan.wave}`,
    '',
    deploying.length === 0 ? 'Nothing to deploy.' : `Deploying ${deploying.length}: ${deploying.join(', ')}`,
    ...(plan.held.length === 0
      ? []
      : ['', `Held back ${plan.held.length}:`, ...plan.held.map((h) => `- ${h.environment}: ${h.because}`)]),
  ].join('\n');
}

/** One job of a workflow run, as GitHub's API lists it. */
export interface RunJob {
  readonly name: string;
  readonly conclusion: string | null;
}

/**
 * How each environment's deploy ended in this run, from the run's jobs. deploy.yml names each
 * matrix leg after its environment, and GitHub names the called workflow's jobs `<leg> / <job>`;
 * the leg's result is its apply job's, `brand-a-dev / Deploy brand-a-dev` (skipped when its plan
 * job failed), not the plan job's (`brand-a-dev / Plan brand-a-dev`).
 */
export function deployResults(jobs: readonly RunJob[], environments: readonly string[]): Map<string, string> {
  const results = new Map<string, string>();
  for (const leg of environments) {
    const apply = jobs.find((job) => job.name === `${leg} / ${APPLY_JOB_NAME} ${leg}`);
    if (apply !== undefined) results.set(leg, apply.conclusion ?? 'unfinished');
  }
  return results;
}

/** The name deploy-environment.yml gives its apply job, before the environment's name. */
export const APPLY_JOB_NAME = 'Deploy';
