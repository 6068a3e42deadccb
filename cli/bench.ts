import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchmarkLanes, formatLanesReport } from '../bench/lanes';
import { formatReport, targets } from '../bench/report';
import { PROJECT_DIR, runBenchmark } from '../bench/run-benchmark';
import { installedCore } from '../cdktf-internals/installed-core';
import { coreIn, otherCoreInstall } from '../cdktf-internals/other-core-install';
import { runCommand, runCommandSync } from '../runtime/processes';
import { terraformSync } from '../runtime/terraform';
import { outputFile, type OutputFile } from '../runtime/output-file';
import { createTemporaryFolder, removeTemporaryFolder } from '../runtime/temporary-folders';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run bench [-- --sizes 1,10,50,200] [--runs 5] [--no-naive] [--no-plan] [--core cdktf|cdktn] [--out bench/results/latest.json]
       npm run bench -- --lanes [--sizes 1,10,50,200] [--runs 5]

Synthesizes N generated environments with this app and with the two floors kept in bench/floors
(a bare cdktf app with validations skipped, and with them on), alternating runs, and prints the
median wall time, peak memory and their ratios per N; also one environment selected among N,
\`npm run review\` across two revisions and \`terraform plan\` of one
stack. The same figures go to the JSON file. The naive floor takes about a minute per run at 200.
With --lanes, instead: the promotion lanes at N environments (one lane per brand), in process:
loading and validating them, the deploy waves and every wave's plan, and every step's comparison.
--core measures the app on that core: the installed one, or the project installed on the other
one (.cache/cdktn, made or updated first by scripts/install-other-core.mjs); its figures then go
to bench/results/latest-<core>.json unless --out says otherwise.`;

type CoreName = 'cdktf' | 'cdktn';

interface Arguments {
  sizes: number[];
  runs: number;
  naive: boolean;
  plan: boolean;
  out: OutputFile;
  lanes: boolean;
  core: CoreName | undefined;
}

/** An earlier figures file names its machine and targets; nothing else is overwritten. */
const isFigures = (start: string) => start.trimStart().startsWith('{') && start.includes('"startedAt"');

const figuresFile = (given: string) => outputFile(given, 'benchmark figures', isFigures);

function parseArguments(args: string[]): Arguments {
  const parsed: Arguments = {
    sizes: [1, 10, 50, 200],
    runs: 5,
    naive: true,
    plan: true,
    out: figuresFile(join(PROJECT_DIR, 'bench', 'results', 'latest.json')),
    lanes: false,
    core: undefined,
  };
  let out: OutputFile | undefined;
  for (let i = 0; i < args.length; i++) {
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${args[i - 1]} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (args[i]) {
      case '--sizes':
        parsed.sizes = value()
          .split(',')
          .map((s) => Number(s.trim()));
        if (parsed.sizes.some((n) => !Number.isInteger(n) || n < 1))
          throw new UsageError(`--sizes takes positive whole numbers, e.g. 1,10,50,200\n\n${USAGE}`);
        parsed.sizes.sort((a, b) => a - b);
        break;
      case '--runs':
        parsed.runs = Number(value());
        if (!Number.isInteger(parsed.runs) || parsed.runs < 1)
          throw new UsageError(`--runs takes a positive whole number\n\n${USAGE}`);
        break;
      case '--no-naive':
        parsed.naive = false;
        break;
      case '--no-plan':
        parsed.plan = false;
        break;
      case '--lanes':
        parsed.lanes = true;
        break;
      case '--out':
        out = figuresFile(value());
        break;
      case '--core': {
        const core = value();
        if (core !== 'cdktf' && core !== 'cdktn') throw new UsageError(`--core takes cdktf or cdktn\n\n${USAGE}`);
        parsed.core = core;
        break;
      }
      default:
        throw new UsageError(`unknown argument ${args[i]}\n\n${USAGE}`);
    }
  }
  if (out !== undefined) parsed.out = out;
  else if (parsed.core !== undefined)
    parsed.out = figuresFile(join(PROJECT_DIR, 'bench', 'results', `latest-${parsed.core}.json`));
  return parsed;
}

/** Runs this benchmark in the project installed on the other core, built first, writing to `out` here. */
async function benchOtherCore(core: CoreName, args: string[], out: string): Promise<number> {
  const install = otherCoreInstall(PROJECT_DIR);
  if (coreIn(install).name !== core) throw new Error(`${install} has ${coreIn(install).name} installed, not ${core}`);
  const built = runCommandSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: install, output: 'inherit' });
  if (built.status !== 0) return built.status ?? 1;
  const run = await runCommand(process.execPath, [join(install, 'dist', 'cli', 'bench.js'), ...args, '--out', out], {
    cwd: install,
    inheritOutput: true,
  });
  return run.status ?? 1;
}

function terraformVersion(): string | undefined {
  const shown = terraformSync(undefined, ['version', '-json']);
  return shown.status === 0 ? (JSON.parse(shown.stdout) as { terraform_version: string }).terraform_version : undefined;
}

/** What the figures depend on: they are only comparable on the same kind of machine and load. */
function machine() {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGiB: Math.round(freemem() / 2 ** 30),
    loadAverage1m: loadavg()[0],
    node: process.version,
    terraform: terraformVersion(),
    platform: `${process.platform} ${process.arch}`,
  };
}

async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  const core = installedCore();
  if (options.core !== undefined && options.core !== core.name)
    return benchOtherCore(options.core, args, options.out.path);
  const work = createTemporaryFolder('bench');
  const workDir = work.root;
  if (options.lanes) {
    try {
      const rows = [];
      for (const size of options.sizes) rows.push(await benchmarkLanes(workDir, size, options.runs));
      console.log(`lanes: median of ${options.runs} runs\n\n${formatLanesReport(rows)}`);
      return 0;
    } finally {
      removeTemporaryFolder(work);
    }
  }
  const before = machine();
  const startedAt = new Date().toISOString();
  console.log(
    `benchmark on ${core.name} ${core.version}: ${options.sizes.join(', ')} environments, ${options.runs} runs each, in ${workDir}`,
  );
  try {
    const result = await runBenchmark({ ...options, workDir, progress: (line) => console.log(line) });
    const report = {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: { ...before, loadAverage1mAtEnd: loadavg()[0] },
      core: { name: core.name, version: core.version },
      runs: options.runs,
      ...result,
      targets: targets(result),
    };
    console.log(`\n${formatReport(result)}`);
    options.out.write(`${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `\nfigures written to ${options.out.path} (load average ${before.loadAverage1m.toFixed(1)} at the start)`,
    );
    return 0;
  } finally {
    removeTemporaryFolder(work);
  }
}

runCommandLine(main, { help: USAGE });
