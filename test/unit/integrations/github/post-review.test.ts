import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postReviewReport } from '../../../../integrations/github/post-review';
import { readReviewReport, REPORT_LIMITS, REPORT_MARKER } from '../../../../integrations/github/review-report';
import { markerLine } from '../../../../integrations/github/sticky-comment';
import { FakeGitHub } from '../../../support/fake-github';
import { tempDir } from '../../../support/temp';

const HEAD = 'a'.repeat(40);
const PR = 12;

/** A report folder as the pull-request workflow's report job uploads it. */
function reportDir(files: Record<string, string> = {}): string {
  const dir = join(tempDir(), 'report');
  mkdirSync(dir);
  const all = { 'pull-request': `${PR}\n`, 'review.md': `${REPORT_MARKER}\n## Review\n`, ...files };
  for (const [name, content] of Object.entries(all)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('the review report artifact, read as untrusted data', () => {
  it('gives the pull request and the parts in order, markers removed', () => {
    const dir = reportDir({
      'plan-10-production.md': `${REPORT_MARKER}\n## production plan\n`,
      'plan-2-staging.md': `${REPORT_MARKER}\n## staging plan\n`,
    });
    expect(readReviewReport(dir)).toEqual({
      pullRequest: PR,
      parts: ['## Review', '## staging plan', '## production plan'],
    });
  });

  it.each([
    [
      'a file without the marker',
      { 'plan-1-dev.md': '## dev plan\n' },
      '"plan-1-dev.md" does not start with <!-- campaign-aam-report -->',
    ],
    ['an unexpected file', { 'package.json': '{}' }, 'unexpected file "package.json"'],
    [
      'a pull request that is not a number',
      { 'pull-request': '12; rm -rf /' },
      'pull-request must hold a pull request number, not "12; rm -rf /"',
    ],
    [
      'a part over the size limit',
      { 'review.md': `${REPORT_MARKER}\n${'x'.repeat(REPORT_LIMITS.fileBytes)}` },
      `"review.md" is ${REPORT_LIMITS.fileBytes + REPORT_MARKER.length + 1} bytes, more than ${REPORT_LIMITS.fileBytes}`,
    ],
  ])('refuses %s', (_, files, message) => {
    expect(() => readReviewReport(reportDir(files))).toThrow(message);
  });

  it('refuses a link, which could point anywhere on the runner', () => {
    const dir = reportDir();
    symlinkSync('/etc/hostname', join(dir, 'plan-1-dev.md'));
    expect(() => readReviewReport(dir)).toThrow('"plan-1-dev.md" is not a regular file');
  });

  it('refuses more data than the limits, however it is split', () => {
    const part = `${REPORT_MARKER}\n${'x'.repeat(REPORT_LIMITS.fileBytes - 100)}`;
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`plan-${i + 1}-dev.md`, part]));
    expect(() => readReviewReport(reportDir(files))).toThrow(
      `its files hold more than ${REPORT_LIMITS.totalBytes} bytes`,
    );
  });
});

describe('posting the report (the workflow_run side, with the write token)', () => {
  let github: FakeGitHub;
  beforeEach(async () => (github = await new FakeGitHub().start()));
  afterEach(() => github.stop());

  const post = (dir: string, headSha = HEAD) =>
    postReviewReport({
      apiUrl: github.url,
      token: github.token,
      repository: github.repository,
      reportDir: dir,
      headSha,
      marker: 'campaign-aam-review',
    });
  const comment = (n = PR) => github.comments.get(n)?.map((c) => c.body);

  it('posts the parts as the sticky comment when the pull request is at the reviewed commit', async () => {
    github.pullRequests.set(PR, { headSha: HEAD, files: ['environments/staging.json'] });
    const result = await post(reportDir({ 'plan-1-staging.md': `${REPORT_MARKER}\n## staging plan` }));
    expect(result).toMatchObject({ posted: true, pullRequest: PR, warned: false });
    expect(comment()).toEqual([`${markerLine('campaign-aam-review')}\n## Review\n\n## staging plan`]);
  });

  it("says plainly when the pull request changes the report's own code, from GitHub's list of files", async () => {
    github.pullRequests.set(PR, {
      headSha: HEAD,
      files: ['environments/staging.json', 'review/risks/iam-widened.ts', 'package-lock.json', 'README.md'],
    });
    const result = await post(reportDir());
    expect(result).toMatchObject({ posted: true, warned: true });
    const [body] = comment()!;
    expect(body.split('\n').slice(1, 3)).toEqual([
      '> [!WARNING]',
      '> **This pull request changes the code that produced this report** (`review/risks/iam-widened.ts`, `package-lock.json`).',
    ]);
    expect(body).toMatch(/\n## Review$/);
  });

  it('posts nothing when the pull request moved on, or when the report names a pull request of another commit', async () => {
    github.pullRequests.set(PR, { headSha: 'b'.repeat(40), files: [] });
    const result = await post(reportDir());
    expect(result).toEqual({
      posted: false,
      pullRequest: PR,
      reason: `pull request #${PR} is at ${'b'.repeat(40)}, not at ${HEAD} the report was built for: a newer run will post its report`,
    });
    expect(comment()).toBeUndefined();
  });
});
