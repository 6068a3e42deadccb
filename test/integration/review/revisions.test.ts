import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileWith, validFile } from '../../support/environment';
import { gitProject } from '../../support/git-project';
import { PROJECT_DIR } from '../../support/run';
import { review, REVIEW_CLI } from '../../support/review';
import { tempDir } from '../../support/temp';
import { expectExit } from '../../support/terraform';

jest.setTimeout(300_000);

/** Every file under `dir` (but `.git`) with a digest of its content: to prove nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(path);
      else
        files[relative(dir, path)] =
          `${statSync(path).mtimeMs}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(dir);
  return files;
}

/** A TMPDIR of its own, to check the review leaves no temporary folder behind. */
const ownTmp = () => {
  const dir = join(tempDir(), 'tmp');
  mkdirSync(dir);
  return dir;
};

const withDestination = (id: string) => fileWith((f) => (f.campaign.dataSources[0].aamDestinationId = id));

describe('npm run review -- --base (revision mode)', () => {
  it('runs the command the npm script names', () => {
    const scripts = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')).scripts;
    // One build for every command: the review runs compiled, like synth, plan and deploy.
    expect(scripts.review).toBe(`npm run --silent build && node ${relative(PROJECT_DIR, REVIEW_CLI[0])}`);
  });

  it('compares the working tree, uncommitted changes included, and leaves it, cdktf.out and local state exactly as they were', () => {
    const project = gitProject();
    // An absolute state path outside the project: synth would create it, a review must not.
    const state = join(tempDir(), 'test.tfstate');
    const withState = (file: Record<string, any>) => ({ ...file, backend: { type: 'local', path: state } });
    project.writeEnvironment('test', withState(validFile()));
    project.commit('base');
    project.writeEnvironment('test', withState(withDestination('654321')));
    mkdirSync(join(project.dir, 'cdktf.out', 'stacks', 'test'), { recursive: true });
    writeFileSync(join(project.dir, 'cdktf.out', 'stacks', 'test', 'cdk.tf.json'), '{"from": "an earlier synth"}');
    writeFileSync(join(project.dir, 'notes.txt'), 'untracked and kept');
    const before = snapshot(project.dir);
    const status = project.git('status', '--porcelain', '--ignored');
    const tmp = ownTmp();

    const result = review(project.dir, ['--base', 'main'], { TMPDIR: tmp });
    expectExit(result, 0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^## Campaign integration review: 1 of 1 environment changes, 1 risk found \(`main` \([0-9a-f]{7}\) → working tree\)$/,
    );
    expect(lines).toContain('| `test` | 0 | 1 | 0 | 0 | 0 | 1 |');
    expect(lines).toContain(
      '- Shared data source *Recipient - Visitor ID (Defaultdatasources)*: AAM Destination ID `123456` → `654321`',
    );
    expect(lines).toContain('-| AAM Destination ID | 123456 |');
    expect(lines).toContain('+| AAM Destination ID | 654321 |');

    expect(snapshot(project.dir)).toEqual(before);
    expect(project.git('status', '--porcelain', '--ignored')).toBe(status);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(state)).toBe(false);
  });

  it('compares two commits, and says "No changes" in one line when they hold the same environments', () => {
    const project = gitProject();
    project.writeEnvironment('test', validFile());
    const base = project.commit('base');
    project.writeEnvironment('test', withDestination('654321'));
    const head = project.commit('head');
    const same = review(project.dir, ['--base', base, '--head', base]);
    expectExit(same, 0);
    expect(same.stdout).toBe(
      `## Campaign integration review: No changes (\`${base.slice(0, 7)}\` → \`${base.slice(0, 7)}\`)\n`,
    );
    const changed = review(project.dir, ['--base', base, '--head', head]);
    expectExit(changed, 0);
    expect(changed.stdout.split('\n')[0]).toContain('1 of 1 environment changes');
  });

  it('reports added and removed environments as such', () => {
    const project = gitProject();
    project.writeEnvironment('old', validFile());
    project.commit('base');
    project.removeEnvironment('old');
    project.writeEnvironment('fresh', validFile());
    const result = review(project.dir, ['--base', 'main']);
    expectExit(result, 0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('| `fresh` (new) | 19 | 0 | 0 | 0 | 0 | 0 |');
    expect(lines).toContain('| `old` (removed) | – | – | – | – | – | 1 |');
    expect(lines).toContain('### `fresh`: new environment, 19 to add');
    expect(lines).toContain('### `old`: removed');
    expect(
      lines.some((l) => /^- `old` · `stack old`: no longer synthesized; its 19 resources stay in AWS/.test(l)),
    ).toBe(true);
    expect(lines).toContain(
      '- **New provisioning request to Adobe: needed** (a new environment). Send the regenerated `cdktf.out/stacks/fresh/handoff/provisioning-request.eml`.',
    );
    expect(lines).toContain('`handoff/provisioning-request.eml`: new (27 lines).');
  });

  it('reports a revision whose environment files are invalid, listing every problem, without crashing', () => {
    const project = gitProject();
    project.writeEnvironment('test', validFile());
    project.commit('base');
    project.writeEnvironment(
      'test',
      fileWith((f) => (f.receiver.bucketName = 'bad.bucket')),
    );
    project.writeEnvironment('broken', '{ "environment": ');
    const tmp = ownTmp();
    const result = review(project.dir, ['--base', 'main'], { TMPDIR: tmp });
    expectExit(result, 0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^## Campaign integration review: cannot compare, head revision cannot be synthesized/);
    expect(lines).toContain(
      '### The head revision cannot be synthesized: its environment files are invalid (2 problems in 2 environment files)',
    );
    expect(lines.some((l) => /^- environments\/broken\.json: is not valid JSON.*\[rule: json-syntax\]$/.test(l))).toBe(
      true,
    );
    expect(
      lines.some((l) =>
        /^- environments\/test\.json: receiver\.bucketName = "bad\.bucket": must not contain dots.*\[rule: s3-bucket-name-no-dots\]$/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
    expectExit(review(project.dir, ['--base', 'main', '--fail-on-risk']), 3);
  });

  it('fails clearly on an unknown revision, outside a git repository, and on bad arguments', () => {
    const project = gitProject();
    project.writeEnvironment('test', validFile());
    project.commit('base');
    const unknown = review(project.dir, ['--base', 'no-such-branch']);
    expectExit(unknown, 2);
    expect(unknown.stderr).toContain('review: unknown revision "no-such-branch": no such commit in this repository');
    expect(unknown.stdout).toBe('');

    const notRepo = tempDir();
    const outside = review(notRepo, ['--base', 'main']);
    expectExit(outside, 2);
    expect(outside.stderr).toContain('is not in a git repository');

    expectExit(review(project.dir, []), 2);
    expect(review(project.dir, ['--base', 'main', '--plan', 'test=plan.json']).stderr).toContain(
      'review either revisions (--base, --head) or plans (--plan), not both',
    );
    expect(review(project.dir, ['--plan', 'test']).stderr).toContain(
      '--plan takes <environment>=<plan.json>, got "test"',
    );
    expect(review(project.dir, ['--base', 'main', '--colour']).stderr).toContain("Unknown option '--colour'");
  });

  it('works on a project in a folder of a larger repository', () => {
    const project = gitProject({ subfolder: 'infra/campaign' });
    project.writeEnvironment('test', validFile());
    project.commit('base');
    project.writeEnvironment('test', withDestination('654321'));
    const result = review(project.dir, ['--base', 'main']);
    expectExit(result, 0);
    expect(result.stdout.split('\n')[0]).toContain('1 of 1 environment changes, 1 risk found');
  });

  it('writes --out and --full atomically, Markdown or JSON with the same content, and exits 3 with --fail-on-risk', () => {
    const project = gitProject();
    project.writeEnvironment('test', validFile());
    project.commit('base');
    project.writeEnvironment('test', withDestination('654321'));
    const out = join(tempDir(), 'report.md');
    const full = join(tempDir(), 'full.md');
    const written = review(project.dir, ['--base', 'main', '--out', out, '--full', full, '--fail-on-risk']);
    expectExit(written, 3);
    expect(written.stdout).toBe('');
    const report = readFileSync(out, 'utf8');
    expect(readFileSync(full, 'utf8')).toBe(report);
    const json = review(project.dir, ['--base', 'main', '--json']);
    expectExit(json, 0);
    const data = JSON.parse(json.stdout);
    expect(data.summary.line).toBe(report.split('\n')[0].replace(/^## /, ''));
    expect(data.risks).toEqual([
      expect.objectContaining({
        rule: 'aam-destination-changed',
        environment: 'test',
        what: 'Shared data source *Recipient - Visitor ID (Defaultdatasources)*: AAM Destination ID `123456` → `654321`',
      }),
    ]);
    expect(data.environments[0].campaign[0].fields).toEqual([
      { field: 'aamDestinationId', label: 'AAM Destination ID', before: '123456', after: '654321' },
    ]);
    expect(readdirSync(join(out, '..'))).toEqual(['report.md']);
  });

  it('removes its temporary folder and stops its synths when interrupted', async () => {
    const project = gitProject();
    // Valid side by side: each environment has its own bucket, tracking host and AAM destination.
    const own = (i: number, bucketName: string) =>
      fileWith((f) => {
        f.receiver.bucketName = bucketName;
        f.dns.trackingServer.records[0].hostname = `t-e${i}.initech.example`;
        f.campaign.dataSources[0].aamDestinationId = String(500000 + i);
      });
    for (let i = 0; i < 60; i++) project.writeEnvironment(`e${i}`, own(i, `initech-campaign-aam-e${i}`));
    project.commit('base');
    project.writeEnvironment('e0', own(0, 'initech-campaign-aam-e0-renamed'));
    const tmp = ownTmp();
    const child = spawn(process.execPath, [...REVIEW_CLI, '--base', 'main'], {
      cwd: project.dir,
      env: { ...process.env, TMPDIR: tmp, INIT_CWD: project.dir },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt while a revision's synth holds its output folder (its lock or staging folder exists).
    const deadline = Date.now() + 60_000;
    const synthesizing = () =>
      readdirSync(tmp).some((d) =>
        ['base', 'head'].some((side) => {
          const revision = join(tmp, d, side);
          return existsSync(revision) && readdirSync(revision).some((f) => /^cdktf\.out\.(lock|staging)/.test(f));
        }),
      );
    while (!synthesizing() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(synthesizing()).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
