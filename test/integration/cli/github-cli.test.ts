import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliAsync, removeCliBuild } from '../../support/compiled-cli';
import { FakeGitHub } from '../../support/fake-github';
import { PROJECT_DIR } from '../../support/run';
import { tempDir } from '../../support/temp';

jest.setTimeout(240_000);
afterAll(removeCliBuild);

describe('npm run sticky-comment (the compiled command, against a fake GitHub API)', () => {
  let github: FakeGitHub;
  beforeAll(async () => (github = await new FakeGitHub().start()));
  afterAll(() => github.stop());

  const HEAD = 'c'.repeat(40);
  const MARKER = '<!-- campaign-aam-report -->';

  /** The posting workflow's step: the report artifact downloaded to a folder, the head from the event. */
  function stickyComment(pullRequest: number, body: string, env: Record<string, string> = {}, args: string[] = []) {
    const report = join(tempDir(), 'report');
    mkdirSync(report);
    writeFileSync(join(report, 'pull-request'), `${pullRequest}\n`);
    writeFileSync(join(report, 'review.md'), `${MARKER}\n${body}\n`);
    github.pullRequests.set(pullRequest, { headSha: HEAD, files: ['environments/dev.json'] });
    return cliAsync('sticky-comment', ['--report-dir', report, '--head-sha', HEAD, ...args], {
      cwd: PROJECT_DIR,
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: github.repository, ...env },
    });
  }

  it('creates the comment once and updates it afterwards, at GITHUB_API_URL', async () => {
    const first = await stickyComment(7, 'first');
    expect(first.stdout).toMatch(
      /^Created the review comment of #7: https:\/\/github\.example\/.*#issuecomment-\d+\n$/,
    );
    const second = await stickyComment(7, 'second');
    expect(second.stdout).toMatch(/^Updated the review comment of #7: /);
    expect(github.comments.get(7)!.map((c) => c.body)).toEqual(['<!-- campaign-aam-review -->\nsecond']);
  });

  it('fails with the reason on a read-only token', async () => {
    github.readOnly = true;
    const result = await stickyComment(9, 'third');
    github.readOnly = false;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pull requests from forks get a read-only GITHUB_TOKEN');
  });

  it('refuses a report that does not look like one, and posts nothing', async () => {
    const bad = join(tempDir(), 'report');
    mkdirSync(bad);
    writeFileSync(join(bad, 'pull-request'), '11');
    writeFileSync(join(bad, 'review.md'), 'no marker');
    const refused = await cliAsync('sticky-comment', ['--report-dir', bad, '--head-sha', HEAD], {
      cwd: PROJECT_DIR,
      env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: github.repository },
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('"review.md" does not start with <!-- campaign-aam-report -->');
    expect(github.comments.get(11)).toBeUndefined();
  });

  it('says what is missing, and how it is called', async () => {
    const result = await stickyComment(7, 'x', { GITHUB_TOKEN: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('GITHUB_TOKEN is not set');
    const help = await cliAsync('sticky-comment', ['--help'], { cwd: PROJECT_DIR });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run sticky-comment -- --report-dir <dir> --head-sha <sha>/);
  });
});

describe('npm run plan-matrix (the compiled command)', () => {
  const role = 'arn:aws:iam::210987654321:role/campaign-aam-plan';

  it('prints the plan job matrix as step outputs, and each opted-in plaintext state as a warning', () => {
    const result = cli('plan-matrix', [], {
      cwd: PROJECT_DIR,
      env: {
        AWS_PLAN_ROLES: JSON.stringify({ staging: role }),
        AWS_PLAN_PLAINTEXT_STATE: 'staging',
        GITHUB_ACTIONS: 'true',
      },
    });
    const target = {
      environment: 'staging',
      role,
      region: 'eu-west-1',
      position: 1,
    };
    expect(result.stdout).toBe(`matrix=${JSON.stringify({ include: [target] })}\nany=true\n`);
    expect(result.stderr).toMatch(
      /^::warning::staging is planned from pull requests although its state holds the secret/m,
    );
    const skipped = cli('plan-matrix', [], {
      cwd: PROJECT_DIR,
      env: { AWS_PLAN_ROLES: JSON.stringify({ staging: role }) },
    });
    expect(skipped.stdout).toBe('matrix={"include":[]}\nany=false\n');
    expect(skipped.stderr).toMatch(/^notice: staging is not planned from pull requests/m);
  });

  it("prints the deploy plan job's role and region", () => {
    const result = cli('plan-matrix', ['--deploy', 'staging'], {
      cwd: PROJECT_DIR,
      env: { AWS_PLAN_ROLES: JSON.stringify({ staging: role }) },
    });
    expect(result.stdout).toBe(`role=${role}\nregion=eu-west-1\n`);
  });
});
