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

  /** The step as the workflow runs it: the pull request comes from the event file Actions writes. */
  function stickyComment(body: string, env: Record<string, string> = {}, args: string[] = []) {
    const work = tempDir();
    writeFileSync(join(work, 'review.md'), body);
    writeFileSync(join(work, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
    return cliAsync('sticky-comment', ['--body-file', join(work, 'review.md'), ...args], {
      cwd: PROJECT_DIR,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: github.token,
        GITHUB_REPOSITORY: github.repository,
        GITHUB_EVENT_PATH: join(work, 'event.json'),
        ...env,
      },
    });
  }

  it('creates the comment once and updates it afterwards, at GITHUB_API_URL', async () => {
    const first = await stickyComment('first');
    expect(first.stdout).toMatch(/^Created the review comment: https:\/\/github\.example\/.*#issuecomment-\d+\n$/);
    const second = await stickyComment('second');
    expect(second.stdout).toMatch(/^Updated the review comment: /);
    expect(github.comments.get(7)!.map((c) => c.body)).toEqual(['<!-- campaign-aam-review -->\nsecond']);
  });

  it('appends the plan-based reviews of each environment, in promotion order', async () => {
    const plans = join(tempDir(), 'plan-review');
    mkdirSync(plans);
    writeFileSync(join(plans, '2-staging.md'), '## staging plan\n');
    writeFileSync(join(plans, '1-dev.md'), '## dev plan\n');
    const result = await stickyComment('## Review', { PR_NUMBER: '8' }, ['--append-dir', plans, '--pr', '8']);
    expect(result.stdout).toMatch(/^Created the review comment/);
    expect(github.comments.get(8)!.map((c) => c.body)).toEqual([
      '<!-- campaign-aam-review -->\n## Review\n\n## dev plan\n\n## staging plan',
    ]);
  });

  it('fails with the reason on a read-only token', async () => {
    github.readOnly = true;
    const result = await stickyComment('third');
    github.readOnly = false;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pull requests from forks get a read-only GITHUB_TOKEN');
  });

  it('says what is missing', async () => {
    const result = await stickyComment('x', { GITHUB_TOKEN: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('GITHUB_TOKEN is not set');
  });
});

describe('npm run plan-matrix (the compiled command)', () => {
  it('prints the plan job matrix as step outputs', () => {
    const role = 'arn:aws:iam::210987654321:role/campaign-aam-plan';
    const result = cli('plan-matrix', [], {
      cwd: PROJECT_DIR,
      env: { AWS_PLAN_ROLES: JSON.stringify({ staging: role }) },
    });
    expect(result.stdout).toBe(
      `matrix=${JSON.stringify({ include: [{ environment: 'staging', role, region: 'eu-west-1', position: 1 }] })}\nany=true\n`,
    );
    expect(cli('plan-matrix', [], { cwd: PROJECT_DIR, env: { AWS_PLAN_ROLES: '' } }).stdout).toBe(
      'matrix={"include":[]}\nany=false\n',
    );
  });
});
