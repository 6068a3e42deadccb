import { GitHubApiError } from '../../../../integrations/github/api-client';
import { markerLine, MAX_COMMENT_LENGTH, upsertStickyComment } from '../../../../integrations/github/sticky-comment';
import { FakeGitHub } from '../../../support/fake-github';

const MARKER = 'campaign-aam-review';
const PR = 42;

describe('the sticky review comment', () => {
  let github: FakeGitHub;
  beforeEach(async () => (github = await new FakeGitHub().start()));
  afterEach(() => github.stop());

  const post = (body: string, overrides: Partial<Parameters<typeof upsertStickyComment>[0]> = {}) =>
    upsertStickyComment({
      apiUrl: github.url,
      token: github.token,
      repository: github.repository,
      pullRequest: PR,
      marker: MARKER,
      body,
      ...overrides,
    });

  const ours = () => (github.comments.get(PR) ?? []).filter((c) => c.body.startsWith(markerLine(MARKER)));

  it('is created, with the hidden marker first, when the pull request has none', async () => {
    const result = await post('## Review\nNo changes.');
    expect(result.action).toBe('created');
    expect(ours().map((c) => c.body)).toEqual(['<!-- campaign-aam-review -->\n## Review\nNo changes.']);
  });

  it('is updated in place on later runs: one comment after several pushes, others untouched', async () => {
    github.addComments(PR, 2);
    await post('first push');
    await post('second push');
    const result = await post('third push');

    expect(result.action).toBe('updated');
    expect(ours().map((c) => c.body)).toEqual(['<!-- campaign-aam-review -->\nthird push']);
    expect(github.comments.get(PR)).toHaveLength(3);
  });

  it('finds its comment beyond the first page of comments', async () => {
    github.addComments(PR, 150);
    github.add(PR, `${markerLine(MARKER)}\nold report`);
    github.addComments(PR, 120);
    const result = await post('new report');

    expect(result.action).toBe('updated');
    expect(ours().map((c) => c.body)).toEqual(['<!-- campaign-aam-review -->\nnew report']);
    expect(github.requests.filter((r) => r.startsWith('GET'))).toHaveLength(3);
  });

  it('keeps one comment when an earlier race left two', async () => {
    github.add(PR, `${markerLine(MARKER)}\nrun A`);
    github.add(PR, `${markerLine(MARKER)}\nrun B`);
    const result = await post('run C');
    expect(result).toMatchObject({ action: 'updated', removedDuplicates: 1 });
    expect(ours().map((c) => c.body)).toEqual(['<!-- campaign-aam-review -->\nrun C']);
  });

  it('ignores comments that merely quote the marker, and other markers', async () => {
    github.add(PR, `> ${markerLine(MARKER)}\n> quoted by a reviewer`, 'reviewer');
    github.add(PR, `${markerLine('another-bot')}\nsomething else`);
    expect((await post('report')).action).toBe('created');
    expect(github.comments.get(PR)).toHaveLength(3);
  });

  it("never takes over a person's comment that starts with the marker", async () => {
    const pasted = github.add(PR, `${markerLine(MARKER)}\nmy notes`, 'reviewer');
    expect((await post('report')).action).toBe('created');
    expect(github.comments.get(PR)?.find((c) => c.id === pasted.id)?.body).toBe(`${markerLine(MARKER)}\nmy notes`);
    expect(github.comments.get(PR)).toHaveLength(2);
  });

  it("never takes over another app's comment, even one that starts with the marker", async () => {
    const other = github.add(PR, `${markerLine(MARKER)}\nanother app's report`, 'other-app[bot]');
    expect((await post('report')).action).toBe('created');
    expect(github.comments.get(PR)?.find((c) => c.id === other.id)?.body).toBe(
      `${markerLine(MARKER)}\nanother app's report`,
    );
    expect((await post('again')).action).toBe('updated');
    expect(github.comments.get(PR)).toHaveLength(2);
  });

  it("edits the named app's comment when the token is a GitHub App's, and no one else's", async () => {
    github.add(PR, `${markerLine(MARKER)}\nby github-actions`);
    const app = github.add(PR, `${markerLine(MARKER)}\nby our app`, 'campaign-aam-review[bot]');
    expect((await post('new', { author: 'campaign-aam-review[bot]' })).action).toBe('updated');
    expect(ours().map((c) => [c.user, c.body])).toEqual([
      ['github-actions[bot]', `${markerLine(MARKER)}\nby github-actions`],
      ['campaign-aam-review[bot]', `${markerLine(MARKER)}\nnew`],
    ]);
    expect(github.comments.get(PR)?.find((c) => c.id === app.id)?.body).toBe(`${markerLine(MARKER)}\nnew`);
  });

  it("cuts a report longer than GitHub's limit and says where the rest is", async () => {
    await post('x'.repeat(MAX_COMMENT_LENGTH + 10));
    const [comment] = ours();
    expect(comment.body.length).toBe(MAX_COMMENT_LENGTH);
    expect(comment.body).toMatch(/the full report is in the job summary\.$/);
  });

  it('explains a 403: fork pull requests get a read-only token', async () => {
    github.readOnly = true;
    await expect(post('report')).rejects.toThrow(
      new GitHubApiError(
        'GitHub refused to create the comment: 403 Forbidden (GitHub says: Resource not accessible by integration). The token may not write pull-request comments: pull requests from forks get a read-only GITHUB_TOKEN (the report is still in the job summary); otherwise give the job `permissions: pull-requests: write`.',
      ),
    );
  });

  it('says so when the token is wrong or the pull request does not exist', async () => {
    await expect(post('report', { token: 'wrong' })).rejects.toThrow(
      /401 Unauthorized \(GitHub says: Bad credentials\)/,
    );
    await expect(post('report', { repository: 'globex/other' })).rejects.toThrow(/404 Not Found/);
  });
});
