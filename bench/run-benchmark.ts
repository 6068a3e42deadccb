import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { terraformEnv, terraformVersionJson } from '../runtime/terraform';
import { throwawayGit } from '../runtime/git';
import { benchmarkEnvironment, benchmarkEnvironmentName, writeBenchmarkEnvironments } from './environments';
import { measure, type Command, type Measurement } from './measure';
import { copyProjectSources } from './project-copy';
import { figures, type Figures } from './statistics';
import { VARIABLES } from '../runtime/environment-variables';

export const PROJECT_DIR = resolve(__dirname, '..', '..');
const DIST = join(PROJECT_DIR, 'dist');

export interface BenchmarkOptions {
  /** Numbers of environments to measure, e.g. 1, 10, 50, 200. */
  readonly sizes: readonly number[];
  /** Timed runs of each workload per size (after one untimed warm-up). */
  readonly runs: number;
  /** Measure the naive floor too (about a minute per run at 200 environments). */
  readonly naive: boolean;
  /** Measure `terraform plan` of one stack too. */
  readonly plan: boolean;
  /** Scratch folder for generated environments and outputs. */
  readonly workDir: string;
  /** Progress lines for the terminal. */
  readonly progress: (line: string) => void;
}

export type Skippable<T> = T | { readonly skipped: string };

export interface SizeResult {
  readonly environments: number;
  /** Our app synthesizing every environment. */
  readonly ours: Figures;
  /** Our app synthesizing one environment selected among all of them. */
  readonly oursSelected: Figures;
  readonly lean: Figures;
  readonly naive: Skippable<Figures>;
  /** `npm run review` across two revisions of all the environments. */
  readonly review: Skippable<Figures>;
}

export interface BenchmarkResult {
  readonly sizes: readonly SizeResult[];
  /** `terraform plan` of one synthesized stack, for scale. */
  readonly terraformPlan: Skippable<Figures>;
}

type Workload = { readonly name: string; readonly command: Command };

const node = (script: string, cwd: string, env: Record<string, string>): Command => ({
  command: process.execPath,
  args: [join(DIST, script)],
  cwd,
  env,
});

/** The workloads measured at one size, each in its own project folder so outputs never mix. */
function workloads(dir: string, names: readonly string[], review: Command, naive: boolean): Workload[] {
  const environments = join(dir, 'environments');
  const project = (name: string) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    return { CAMPAIGN_AAM_ENVIRONMENTS: environments, CDKTF_OUTDIR: join(folder, 'cdktf.out'), folder };
  };
  const ours = project('ours');
  const selected = project('ours-selected');
  const lean = project('lean');
  const naiveProject = project('naive');
  const { folder: oursDir, ...oursEnv } = ours;
  const { folder: selectedDir, ...selectedEnv } = selected;
  const { folder: leanDir, ...leanEnv } = lean;
  const { folder: naiveDir, ...naiveEnv } = naiveProject;
  return [
    { name: 'ours', command: node('main.js', oursDir, oursEnv) },
    {
      name: 'oursSelected',
      command: node('main.js', selectedDir, {
        ...selectedEnv,
        [VARIABLES.stack]: names[Math.floor(names.length / 2)],
      }),
    },
    { name: 'lean', command: node('bench/floors/lean.js', leanDir, leanEnv) },
    ...(naive ? [{ name: 'naive', command: node('bench/floors/naive.js', naiveDir, naiveEnv) }] : []),
    { name: 'review', command: review },
  ];
}

/**
 * A throwaway repository holding a copy of this project's app and the environments at two
 * revisions (the head changes the AAM Destination ID of every environment), and `npm run review`
 * between them, run in that repository as a user runs it in theirs.
 */
function reviewCommand(dir: string, count: number): Command {
  const repo = join(dir, 'review-repo');
  const environments = join(repo, 'environments');
  mkdirSync(repo, { recursive: true });
  copyProjectSources(PROJECT_DIR, repo);
  throwawayGit(repo, ['init', '--quiet']);
  writeBenchmarkEnvironments(environments, count);
  throwawayGit(repo, ['add', '.']);
  throwawayGit(repo, ['commit', '--quiet', '-m', 'base']);
  const base = throwawayGit(repo, ['rev-parse', 'HEAD']);
  for (let index = 0; index < count; index++) {
    const file = benchmarkEnvironment(index) as { campaign: { dataSources: { aamDestinationId: string }[] } };
    file.campaign.dataSources[0].aamDestinationId = String(900000 + index);
    writeFileSync(join(environments, `${benchmarkEnvironmentName(index)}.json`), `${JSON.stringify(file, null, 2)}\n`);
  }
  throwawayGit(repo, ['commit', '--quiet', '-am', 'head']);
  const head = throwawayGit(repo, ['rev-parse', 'HEAD']);
  return {
    // What `npm run review` runs (see package.json), from this project, in the repository.
    command: process.execPath,
    args: [
      '--require',
      join(PROJECT_DIR, 'review', 'ts-require.cjs'),
      join(PROJECT_DIR, 'cli', 'review.ts'),
      '--base',
      base,
      '--head',
      head,
    ],
    cwd: repo,
    env: { INIT_CWD: repo },
  };
}

/** Runs every workload once untimed, then `runs` times in rotating order, so load drifts hit all alike. */
async function measureAlternating(
  list: readonly Workload[],
  runs: number,
  progress: (line: string) => void,
  warmUp: (w: Workload) => boolean,
): Promise<Map<string, Measurement[]>> {
  const results = new Map(list.map((w) => [w.name, [] as Measurement[]]));
  for (const workload of list.filter(warmUp)) await measure(workload.command);
  for (let run = 0; run < runs; run++) {
    const order = list.map((_, i) => list[(i + run) % list.length]);
    for (const workload of order) {
      const m = await measure(workload.command);
      results.get(workload.name)?.push(m);
      progress(
        `    run ${run + 1}/${runs} ${workload.name}: ${m.seconds.toFixed(2)} s (cpu ${m.cpuSeconds.toFixed(2)} s), ${m.peakMiB.toFixed(0)} MiB`,
      );
    }
  }
  return results;
}

async function measureSize(count: number, options: BenchmarkOptions): Promise<SizeResult> {
  const dir = join(options.workDir, `n-${count}`);
  const names = writeBenchmarkEnvironments(join(dir, 'environments'), count);
  const review = reviewCommand(dir, count);
  options.progress(`  ${count} environment${count === 1 ? '' : 's'}`);
  // The naive floor spends its time spawning Terraform, not warming caches: no warm-up run for it.
  const measured = await measureAlternating(
    workloads(dir, names, review, options.naive),
    options.runs,
    options.progress,
    (w) => w.name !== 'naive',
  );
  const of = (name: string) => figures(measured.get(name) ?? []);
  return {
    environments: count,
    ours: of('ours'),
    oursSelected: of('oursSelected'),
    lean: of('lean'),
    naive: options.naive ? of('naive') : { skipped: 'not measured (--no-naive)' },
    review: of('review'),
  };
}

/**
 * `terraform plan` of one synthesized stack. The environment is the first benchmark environment
 * pointed at an unused local emulator port: with no state and the emulator settings the AWS
 * provider makes no network call, so the plan works offline and measures Terraform itself.
 */
async function measureTerraformPlan(options: BenchmarkOptions): Promise<Skippable<Figures>> {
  if ((await terraformVersionJson()) === undefined) return { skipped: 'terraform not found on PATH' };
  const dir = join(options.workDir, 'terraform-plan');
  const environments = join(dir, 'environments');
  mkdirSync(environments, { recursive: true });
  const file = benchmarkEnvironment(0) as { aws: Record<string, unknown> };
  delete file.aws.accountId;
  file.aws.endpoint = 'http://127.0.0.1:9';
  const name = benchmarkEnvironmentName(0);
  writeFileSync(join(environments, `${name}.json`), JSON.stringify(file));
  const outdir = join(dir, 'cdktf.out');
  await measure(node('main.js', dir, { CAMPAIGN_AAM_ENVIRONMENTS: environments, CDKTF_OUTDIR: outdir }));
  const stackDir = join(outdir, 'stacks', name);
  const env = terraformEnv();
  const terraform = (args: string[]): Command => ({
    command: 'terraform',
    args: [`-chdir=${stackDir}`, ...args],
    cwd: dir,
    env,
  });
  await measure(terraform(['init', '-input=false', '-no-color']));
  options.progress('  terraform plan of one stack');
  const runs: Measurement[] = [];
  for (let run = 0; run < options.runs; run++) {
    runs.push(await measure(terraform(['plan', '-input=false', '-no-color'])));
    options.progress(`    run ${run + 1}/${options.runs}: ${runs[run].seconds.toFixed(2)} s`);
  }
  return figures(runs);
}

export async function runBenchmark(options: BenchmarkOptions): Promise<BenchmarkResult> {
  if (!existsSync(join(DIST, 'main.js'))) throw new Error('build first: npm run build');
  const sizes: SizeResult[] = [];
  for (const count of options.sizes) sizes.push(await measureSize(count, options));
  return {
    sizes,
    terraformPlan: options.plan ? await measureTerraformPlan(options) : { skipped: 'not measured (--no-plan)' },
  };
}
