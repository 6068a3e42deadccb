import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distinctFile, fileWith } from '../../support/environment';
import { PROJECT_DIR, run, type RunResult } from '../../support/run';
import { expectExit, terraform, terraformInBackground } from '../../support/terraform';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(300_000);

const DIST = join(PROJECT_DIR, 'dist');

/** A process of ours in the background, with its output so far and its end. */
interface Background {
  readonly child: ChildProcess;
  output(): string;
  readonly done: Promise<RunResult>;
}

function background(args: string[], env: Record<string, string> = {}, cwd = PROJECT_DIR): Background {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<RunResult>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, output: () => stdout + stderr, done };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Our cdktf app, as `cdktf synth` runs it, in a project folder with `environments/` and `cdktf.out/`. */
const synth = (project: string, env: Record<string, string> = {}) =>
  background(
    [join(DIST, 'main.js')],
    { CAMPAIGN_AAM_ENVIRONMENTS: join(project, 'environments'), CDKTF_OUTDIR: join(project, 'cdktf.out'), ...env },
    project,
  );

/** A process that takes the output folder's lock and holds it until told to let go (a line on stdin). */
const lockHolder = (outdir: string) =>
  background([
    '-e',
    `require(${JSON.stringify(join(DIST, 'synth', 'output-lock.js'))}).lockOutputFolder(process.argv[1]).then((lock) => {
       console.log('locked');
       process.stdin.once('data', () => { lock.release(); process.exit(0); });
     });`,
    outdir,
  ]);

/** Distinct environments `env-0`… whose destination IDs carry `round`, so every round changes every stack. */
function writeEnvironments(project: string, count: number, round: number): void {
  environmentsDir(
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `env-${i}`,
        distinctFile(`env-${i}`, (f) => (f.campaign.dataSources[0].aamDestinationId = String(1000 * round + i))),
      ]),
    ),
    project,
  );
}

beforeAll(() => expectExit(run('npm', ['run', '--silent', 'build']), 0));

describe('synths on one output folder', () => {
  it('take turns: the second says which process it waits for, since when, and proceeds when it is free', async () => {
    const project = tempDir();
    writeEnvironments(project, 1, 1);
    const holder = lockHolder(join(project, 'cdktf.out'));
    await waitFor('the lock holder', () => holder.output().includes('locked'));

    const second = synth(project);
    await waitFor('the second synth to wait', () => second.output().includes('waiting for'));
    expect(second.output()).toMatch(
      new RegExp(`waiting for process ${holder.child.pid} \\(.*node.*\\), since .+, which is writing .*cdktf\\.out`),
    );
    expect(second.child.exitCode).toBeNull();

    holder.child.stdin?.write('done\n');
    const result = await second.done;
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/cdktf\.out is free after \d+\.\d s; proceeding/);
    expect(existsSync(join(project, 'cdktf.out', 'stacks', 'env-0', 'cdk.tf.json'))).toBe(true);
  });

  it('take over the lock of a synth that was killed', async () => {
    const project = tempDir();
    writeEnvironments(project, 1, 1);
    const holder = lockHolder(join(project, 'cdktf.out'));
    await waitFor('the lock holder', () => holder.output().includes('locked'));
    holder.child.kill('SIGKILL');
    await holder.done;
    expect(existsSync(join(project, 'cdktf.out.lock'))).toBe(true);

    const result = await synth(project).done;
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(`was locked by process ${holder.child.pid} .*, which is no longer running: taking the lock over`),
    );
  });

  it('started together, trial after trial, leave every stack whole with its .terraform', async () => {
    const project = tempDir();
    const count = 4;
    writeEnvironments(project, count, 0);
    expect((await synth(project).done).status).toBe(0);
    const stackDir = (i: number) => join(project, 'cdktf.out', 'stacks', `env-${i}`);
    for (let i = 0; i < count; i++) {
      mkdirSync(join(stackDir(i), '.terraform', 'providers'), { recursive: true });
      writeFileSync(join(stackDir(i), '.terraform', 'providers', 'marker'), `providers of env-${i}`);
    }

    for (let round = 1; round <= 3; round++) {
      writeEnvironments(project, count, round);
      // Two full synths and a deploy's synth of one environment, as two CI jobs and a person would.
      const results = await Promise.all([
        synth(project).done,
        synth(project).done,
        synth(project, { CAMPAIGN_AAM_STACK: 'env-1' }).done,
      ]);
      for (const result of results) expect(result).toMatchObject({ status: 0 });

      const manifest = JSON.parse(readFileSync(join(project, 'cdktf.out', 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.stacks).sort()).toEqual(Array.from({ length: count }, (_, i) => `env-${i}`));
      for (let i = 0; i < count; i++) {
        const config = JSON.parse(readFileSync(join(stackDir(i), 'cdk.tf.json'), 'utf8'));
        const recorded = Object.values(config.resource.terraform_data as Record<string, any>).map(
          (r) => r.input.aamDestinationId,
        );
        expect(recorded).toContain(String(1000 * round + i));
        expect(readdirSync(join(stackDir(i), 'handoff')).sort()).toEqual([
          'campaign-setup.md',
          'provisioning-request.eml',
        ]);
        expect(readFileSync(join(stackDir(i), '.terraform', 'providers', 'marker'), 'utf8')).toBe(
          `providers of env-${i}`,
        );
      }
      // No staging folder, lock or removal is left behind (beside local state, which synth creates owner-only).
      expect(readdirSync(project).filter((f) => f.startsWith('cdktf.out'))).toEqual(['cdktf.out']);
    }
  });

  it('running while terraform plans in a stack folder, succeeding or failing, leave the plan working', async () => {
    const project = tempDir();
    // An emulator endpoint nobody listens on: with no state, the provider makes no call, so the plan runs offline.
    const offline = (destination: string) =>
      fileWith((f) => {
        f.aws.endpoint = 'http://127.0.0.1:9';
        f.campaign.dataSources[0].aamDestinationId = destination;
      });
    environmentsDir({ planned: offline('100') }, project);
    expect((await synth(project).done).status).toBe(0);
    const stackDir = join(project, 'cdktf.out', 'stacks', 'planned');
    expectExit(terraform(stackDir, ['init', '-input=false']), 0);

    const plan = terraformInBackground(stackDir, ['plan', '-input=false']);
    let planEnded = false;
    void plan.then(() => (planEnded = true));

    environmentsDir({ planned: offline('200') }, project);
    expect((await synth(project).done).status).toBe(0);
    environmentsDir({ planned: offline('300'), broken: '{ not json' }, project);
    const failed = await synth(project).done;
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('nothing was synthesized');
    // The synths must have overlapped the plan, or this test would prove nothing.
    expect(planEnded).toBe(false);

    const result = await plan;
    expectExit(result, 0);
    expect(result.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/);
    expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).toContain('"aamDestinationId": "200"');
  });
});
