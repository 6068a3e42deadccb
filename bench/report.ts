import type { BenchmarkResult, SizeResult, Skippable } from './run-benchmark';
import type { Figures } from './statistics';

/** The figures issue #11 asks for, each with its limit. */
export const TARGETS = {
  oursToLean: 1.3,
  selectedAtLargestToAllAtOne: 1.5,
  reviewToOurs: 2.5,
  peakMiBAtLargest: 300,
  /** Marginal time per environment may not grow by more than this from the second-largest to the largest size. */
  perEnvironmentGrowth: 1.25,
} as const;

export interface Target {
  readonly name: string;
  readonly value: number | undefined;
  readonly limit: number;
  /** `undefined` when the figure was not measured. */
  readonly met: boolean | undefined;
}

const measured = (f: Skippable<Figures>): Figures | undefined => ('skipped' in f ? undefined : f);

/** Time per additional environment: (t(N) − t(1)) / (N − 1), in ms; undefined without N = 1 below N. */
export function marginalMsPerEnvironment(sizes: readonly SizeResult[], size: SizeResult): number | undefined {
  const one = sizes.find((s) => s.environments === 1);
  if (one === undefined || size.environments <= 1) return undefined;
  return ((size.ours.medianSeconds - one.ours.medianSeconds) * 1000) / (size.environments - 1);
}

export function ratios(size: SizeResult) {
  const naive = measured(size.naive);
  const review = measured(size.review);
  return {
    oursToLean: size.ours.medianSeconds / size.lean.medianSeconds,
    cpuOursToLean: size.ours.medianCpuSeconds / size.lean.medianCpuSeconds,
    oursToNaive: naive === undefined ? undefined : size.ours.medianSeconds / naive.medianSeconds,
    reviewToOurs: review === undefined ? undefined : review.medianSeconds / size.ours.medianSeconds,
  };
}

const check = (name: string, value: number | undefined, limit: number): Target => ({
  name,
  value,
  limit,
  met: value === undefined || Number.isNaN(value) ? undefined : value <= limit,
});

export function targets(result: BenchmarkResult): Target[] {
  const sizes = [...result.sizes].sort((a, b) => a.environments - b.environments);
  const largest = sizes[sizes.length - 1];
  const one = sizes.find((s) => s.environments === 1);
  const list: Target[] = sizes.map((s) =>
    check(`ours / lean floor at ${s.environments}`, ratios(s).oursToLean, TARGETS.oursToLean),
  );
  list.push(
    check(
      `one selected among ${largest.environments} / all of 1`,
      one === undefined ? undefined : largest.oursSelected.medianSeconds / one.ours.medianSeconds,
      TARGETS.selectedAtLargestToAllAtOne,
    ),
    check(`peak memory at ${largest.environments} (MiB)`, largest.ours.peakMiB, TARGETS.peakMiBAtLargest),
  );
  if (sizes.length >= 3) {
    const previous = sizes[sizes.length - 2];
    const last = marginalMsPerEnvironment(sizes, largest);
    const before = marginalMsPerEnvironment(sizes, previous);
    list.push(
      check(
        `time per environment at ${largest.environments} / at ${previous.environments}`,
        last === undefined || before === undefined ? undefined : last / before,
        TARGETS.perEnvironmentGrowth,
      ),
    );
  }
  for (const s of sizes) {
    list.push(check(`review / synth at ${s.environments}`, ratios(s).reviewToOurs, TARGETS.reviewToOurs));
  }
  return list;
}

const seconds = (f: Skippable<Figures>) => ('skipped' in f ? '—' : f.medianSeconds.toFixed(2));
const ratio = (r: number | undefined) => (r === undefined || Number.isNaN(r) ? '—' : r.toFixed(2));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c])).join('  ')).join('\n');
}

/** The plain terminal report: one row per size, then Terraform, skipped parts and the targets. */
export function formatReport(result: BenchmarkResult): string {
  const rows = [
    [
      'envs',
      'ours s',
      'lean s',
      'naive s',
      'ours/lean',
      'cpu ours/lean',
      'ours/naive',
      'ms/env',
      'peak MiB',
      'one of N s',
      'review s',
      'review/ours',
    ],
    ...result.sizes.map((s) => {
      const r = ratios(s);
      const perEnv = marginalMsPerEnvironment(result.sizes, s);
      return [
        String(s.environments),
        seconds(s.ours),
        seconds(s.lean),
        seconds(s.naive),
        ratio(r.oursToLean),
        ratio(r.cpuOursToLean),
        ratio(r.oursToNaive),
        perEnv === undefined ? '—' : perEnv.toFixed(1),
        s.ours.peakMiB.toFixed(0),
        seconds(s.oursSelected),
        seconds(s.review),
        ratio(r.reviewToOurs),
      ];
    }),
  ];
  const lines = [table(rows), ''];
  lines.push(
    'skipped' in result.terraformPlan
      ? `terraform plan of one stack: skipped: ${result.terraformPlan.skipped}`
      : `terraform plan of one stack: ${result.terraformPlan.medianSeconds.toFixed(2)} s`,
  );
  const skippedReview = result.sizes.map((s) => s.review).find((r) => 'skipped' in r);
  if (skippedReview !== undefined && 'skipped' in skippedReview)
    lines.push(`review: skipped: ${skippedReview.skipped}`);
  lines.push('', 'targets:');
  for (const t of targets(result)) {
    const status = t.met === undefined ? 'not measured' : t.met ? 'met' : 'MISSED';
    const value = t.value === undefined || Number.isNaN(t.value) ? '—' : t.value.toFixed(2);
    lines.push(`  ${t.name}: ${value} (limit ${t.limit}) ${status}`);
  }
  return lines.join('\n');
}
