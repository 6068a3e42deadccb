import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliAsync, removeCliBuild } from '../../support/compiled-cli';
import { ACTIONS_BOT, FakeGitHubIssues } from '../../support/fake-github-issues';
import { PROJECT_DIR } from '../../support/run';
import { tempDir } from '../../support/temp';

jest.setTimeout(240_000);
afterAll(removeCliBuild);

describe('npm run drift (the compiled command): its usage', () => {
  const drift = (...args: string[]) => cli('drift', args, { cwd: PROJECT_DIR });

  it('prints its usage with --help and exits 0', () => {
    const help = drift('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run drift -- \[<environment>\.\.\.\] \[--json\]/);
    expect(help.stdout).toContain('Exit codes: 0 clean, 1 drift, pending changes or a live check to look at, 2');
  });

  it.each([
    [['--key-unused-days', 'soon'], '--key-unused-days must be a whole number of days from 1 to 9999, not "soon"'],
    [['--key-unused-days', '0'], 'not "0"'],
    [['--aam-status', '3', 'production'], '--aam-status is check-aam\'s exit code, 0, 1 or 2, not "3"'],
    [['--aam-status', '1'], '--aam-status belongs to one environment: name exactly one'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['prodution'], 'no environment named "prodution" (did you mean "production"?)'],
    [
      ['production', '--out', 'environments/production.json'],
      'refusing to write the drift report to environments/production.json: it exists and is not a drift report written earlier',
    ],
  ])('refuses %j with exit 2 and says why', (args, message) => {
    const result = drift(...args);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining(message),
    });
    expect(result.stdout).toBe('');
  });
});

describe('npm run plan-matrix -- --roles AWS_DRIFT_ROLES (the drift workflow’s matrix)', () => {
  it('lists the environments with a drift role, from that variable and not the plan roles', () => {
    const role = 'arn:aws:iam::123456789012:role/campaign-aam-drift';
    const result = cli('plan-matrix', ['--roles', 'AWS_DRIFT_ROLES'], {
      cwd: PROJECT_DIR,
      env: { AWS_DRIFT_ROLES: JSON.stringify({ production: role }), AWS_PLAN_ROLES: '' },
    });
    expect(result.stdout).toBe(
      `matrix=${JSON.stringify({ include: [{ environment: 'production', role, region: 'eu-west-1', position: 1 }] })}\nany=true\n`,
    );
  });

  it('refuses another variable with exit 2', () => {
    const result = cli('plan-matrix', ['--roles', 'HOME'], { cwd: PROJECT_DIR });
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining('--roles takes AWS_DRIFT_ROLES, not "HOME"'),
    });
  });
});

describe('npm run drift-issues (the compiled command, against a fake GitHub API)', () => {
  let github: FakeGitHubIssues;
  beforeAll(async () => (github = await new FakeGitHubIssues().start()));
  afterAll(() => github.stop());

  const write = (dir: string, environment: string, status: string, summary: string) => {
    writeFileSync(
      join(dir, `${environment}.json`),
      JSON.stringify({ format: 'campaign-aam-drift/1', environments: [{ name: environment, status, summary }] }),
    );
    writeFileSync(join(dir, `${environment}.md`), `## Drift check of \`${environment}\`: ${summary}\n`);
  };
  const issues = (dir: string, ...args: string[]) =>
    cliAsync('drift-issues', ['--results', dir, ...args], {
      cwd: PROJECT_DIR,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: github.token,
        GITHUB_REPOSITORY: github.repository,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_RUN_ID: '99',
      },
    });

  it('opens an issue for the drifting environment, none for the clean one, and sums both up', async () => {
    const dir = tempDir();
    write(dir, 'production', 'drift', '1 change outside Terraform (1 risk)');
    write(dir, 'staging', 'clean', 'clean: no drift, nothing pending, live checks passed');
    const result = await issues(dir, 'staging', 'production');
    expect(result.status).toBe(0);
    expect(github.issues.map((i) => [i.title, i.user, i.state])).toEqual([
      ['Drift in production: 1 change outside Terraform (1 risk)', ACTIONS_BOT, 'open'],
    ]);
    expect(github.issues[0].body).toBe(
      '<!-- campaign-aam-drift:production -->\n## Drift check of `production`: 1 change outside Terraform (1 risk)\n\n' +
        '_Found by the drift workflow ([run](https://github.example/globex/campaign-aam/actions/runs/99)); this issue is updated on every run and closed once `production` is clean._',
    );
    expect(result.stdout.split('\n').slice(0, 6)).toEqual([
      '## Drift check of every environment',
      '',
      '| Environment | Status | What |',
      '| --- | --- | --- |',
      '| `staging` | clean | clean: no drift, nothing pending, live checks passed |',
      '| `production` | needs a look | 1 change outside Terraform (1 risk) (opened #1) |',
    ]);
  });

  it('fails (exit 1) for an environment that left no result, after handling the others', async () => {
    const dir = tempDir();
    write(dir, 'production', 'clean', 'clean: no drift, nothing pending, live checks passed');
    const result = await issues(dir, 'production', 'staging');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '| `production` | clean | clean: no drift, nothing pending, live checks passed (closed #1) |',
    );
    expect(result.stdout).toMatch(
      /\| `staging` \| no result \| .*staging\.json is missing: the drift job of this environment left no result \|/,
    );
    expect(github.issues[0].state).toBe('closed');
  });

  it('explains a read-only token (403) with exit 1, and refuses an unknown environment with exit 2', async () => {
    const dir = tempDir();
    write(dir, 'dev', 'drift', '1 change not deployed');
    github.readOnly = true;
    try {
      const refused = await issues(dir, 'dev');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('403 Forbidden');
      expect(refused.stderr).toContain('give the job `permissions: issues: write`');
    } finally {
      github.readOnly = false;
    }
    const unknown = await issues(dir, 'prod');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no environment named "prod" (did you mean "production"?)');
  });
});
