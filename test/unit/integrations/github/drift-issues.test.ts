import { driftMarker, syncDriftIssue, type DriftIssueOptions } from '../../../../integrations/github/drift-issues';
import { GitHubApiError } from '../../../../integrations/github/api-client';
import { ACTIONS_BOT, FakeGitHubIssues } from '../../../support/fake-github-issues';

const ENV = 'production';

describe('the drift issue of an environment', () => {
  let github: FakeGitHubIssues;
  beforeEach(async () => (github = await new FakeGitHubIssues().start()));
  afterEach(() => github.stop());

  const sync = (status: DriftIssueOptions['status'], body = 'report', overrides: Partial<DriftIssueOptions> = {}) =>
    syncDriftIssue({
      apiUrl: github.url,
      token: github.token,
      repository: github.repository,
      environment: ENV,
      status,
      title: `Drift in ${ENV}`,
      body,
      ...overrides,
    });
  const ours = () => github.issues.filter((i) => i.user === ACTIONS_BOT && i.body.startsWith(driftMarker(ENV)));

  it('is opened once, with the hidden marker first, when an environment drifts', async () => {
    const result = await sync('drift', '## Drift check of `production`');
    expect(result).toMatchObject({ action: 'opened', number: 1 });
    expect(github.issues.map((i) => [i.title, i.body, i.state])).toEqual([
      ['Drift in production', '<!-- campaign-aam-drift:production -->\n## Drift check of `production`', 'open'],
    ]);
  });

  it('is updated on later runs, never duplicated, and left alone when nothing changed', async () => {
    await sync('drift', 'first run');
    const second = await sync('drift', 'second run', { title: 'Drift in production: 2 changes' });
    const third = await sync('drift', 'second run', { title: 'Drift in production: 2 changes' });
    expect([second.action, third.action]).toEqual(['updated', 'unchanged']);
    expect(ours().map((i) => [i.number, i.title, i.body])).toEqual([
      [1, 'Drift in production: 2 changes', '<!-- campaign-aam-drift:production -->\nsecond run'],
    ]);
    expect(github.requests.filter((r) => r.startsWith('PATCH'))).toEqual([
      `PATCH /repos/${github.repository}/issues/1`,
    ]);
  });

  it('finds its issue beyond the first page of open issues, skipping pull requests', async () => {
    github.addOthers(120);
    github.add({ body: `${driftMarker(ENV)}\nold`, pullRequest: true });
    const mine = github.add({ body: `${driftMarker(ENV)}\nold` });
    github.addOthers(90);
    const result = await sync('drift', 'new');
    expect(result).toMatchObject({ action: 'updated', number: mine.number });
    expect(github.issues.filter((i) => i.pullRequest)[0].body).toBe(`${driftMarker(ENV)}\nold`);
    expect(github.requests.filter((r) => r.startsWith('GET'))).toHaveLength(3);
  });

  it('is closed with a comment once the environment is clean, and not reopened by a clean run', async () => {
    await sync('drift');
    const closed = await sync('clean', 'ignored', { closingNote: 'Checked by run 42.' });
    expect(closed).toMatchObject({ action: 'closed', number: 1 });
    expect(github.issues[0]).toMatchObject({
      state: 'closed',
      stateReason: 'completed',
      comments: ['`production` is clean again: no drift, nothing pending, live checks passed. Checked by run 42.'],
    });
    expect(await sync('clean')).toMatchObject({ action: 'none' });
    // Drift again later: a new issue, the closed one stays closed.
    expect(await sync('drift')).toMatchObject({ action: 'opened', number: 2 });
    expect(github.issues.map((i) => i.state)).toEqual(['closed', 'open']);
  });

  it("leaves people's issues alone, even when they quote the marker", async () => {
    const person = github.add({
      title: 'Why does production drift?',
      body: `${driftMarker(ENV)}\nmy notes`,
      user: 'peter',
    });
    const opened = await sync('drift', 'report');
    expect(opened).toMatchObject({ action: 'opened', number: 2 });
    await sync('clean');
    expect(person).toMatchObject({ state: 'open', body: `${driftMarker(ENV)}\nmy notes`, comments: [] });
    expect(github.issues[1].state).toBe('closed');
  });

  it('keeps to its own environment: another environment has its own issue', async () => {
    await sync('drift', 'production report');
    await sync('drift', 'staging report', { environment: 'staging' });
    await sync('clean', '', { environment: 'staging' });
    expect(github.issues.map((i) => [i.body.split('\n')[0], i.state])).toEqual([
      ['<!-- campaign-aam-drift:production -->', 'open'],
      ['<!-- campaign-aam-drift:staging -->', 'closed'],
    ]);
  });

  it('closes a duplicate left by a race, keeping the oldest', async () => {
    github.add({ body: `${driftMarker(ENV)}\nrun A` });
    github.add({ body: `${driftMarker(ENV)}\nrun B` });
    const result = await sync('drift', 'run C');
    expect(result).toMatchObject({ action: 'updated', number: 1, closedDuplicates: 1 });
    expect(github.issues.map((i) => [i.state, i.comments])).toEqual([
      ['open', []],
      ['closed', ['Duplicate of #1, which tracks the drift of `production`.']],
    ]);
  });

  it('changes nothing when the check itself failed', async () => {
    github.add({ body: `${driftMarker(ENV)}\nstill drifting` });
    expect(await sync('error', 'plan failed')).toMatchObject({ action: 'none', number: 1 });
    expect(github.issues[0]).toMatchObject({ state: 'open', body: `${driftMarker(ENV)}\nstill drifting` });
    expect(github.requests.filter((r) => !r.startsWith('GET'))).toEqual([]);
  });

  it('explains a 403: the token may not write issues', async () => {
    github.readOnly = true;
    const failure = sync('drift');
    await expect(failure).rejects.toThrow(GitHubApiError);
    await expect(failure).rejects.toThrow(
      'GitHub refused to open the drift issue: 403 Forbidden (GitHub says: Resource not accessible by integration). The token may not write issues: give the job `permissions: issues: write`.',
    );
  });

  it('explains a 404: the repository is wrong or out of sight', async () => {
    await expect(sync('drift', 'x', { repository: 'globex/other' })).rejects.toThrow(
      'GitHub could not list the open issues: 404 Not Found (GitHub says: Not Found). Check GITHUB_REPOSITORY (owner/name), and that the token can see it.',
    );
  });

  it('never sends the token to another host through a next-page link', async () => {
    github.addOthers(150);
    const elsewhere = new FakeGitHubIssues();
    await elsewhere.start();
    try {
      const real = github.url;
      // The fake writes next-page links with its `url`: they point elsewhere once the call is under way.
      const failure = sync('drift', 'x', { apiUrl: real });
      github.url = elsewhere.url;
      await expect(failure).rejects.toThrow(/next-page link points elsewhere/);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
  });
});
