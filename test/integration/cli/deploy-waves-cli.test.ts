import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliAsync, removeCliBuild } from '../../support/compiled-cli';
import { FakeGitHub } from '../../support/fake-github';
import { lanesProject, TWO_BRAND_LANES, TWO_BRANDS } from '../../support/lanes-project';
import { tempDir } from '../../support/temp';

jest.setTimeout(240_000);
afterAll(removeCliBuild);

const twoBrands = () => lanesProject(TWO_BRANDS, { lanes: TWO_BRAND_LANES });

describe('npm run deploy-waves (the compiled command)', () => {
  let github: FakeGitHub;
  beforeAll(async () => (github = await new FakeGitHub().start()));
  afterAll(() => github.stop());

  /** The planning step as deploy.yml runs it, with the variables Actions sets. */
  const wave = (project: string, n: number, env: Record<string, string> = {}) =>
    cliAsync('deploy-waves', ['--wave', String(n)], {
      cwd: project,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: github.token,
        GITHUB_REPOSITORY: github.repository,
        GITHUB_RUN_ID: '4242',
        ...env,
      },
    });

  it('prints the waves, for people and as JSON', () => {
    const project = twoBrands();
    expect(cli('deploy-waves', [], { cwd: project }).stdout).toBe(
      [
        'Wave 1 (2): brand-a-dev, brand-b-dev',
        'Wave 2 (2): brand-a-staging, brand-b-staging',
        'Wave 3 (2): brand-a-production, brand-b-production',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(cli('deploy-waves', ['--json'], { cwd: project }).stdout)).toEqual({
      waves: [
        ['brand-a-dev', 'brand-b-dev'],
        ['brand-a-staging', 'brand-b-staging'],
        ['brand-a-production', 'brand-b-production'],
      ],
    });
    const help = cli('deploy-waves', ['--help'], { cwd: project });
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('usage: npm run deploy-waves')]);
  });

  it('gives wave 1 as step outputs and writes what it deploys to the job summary', async () => {
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const result = await wave(twoBrands(), 1, { GITHUB_STEP_SUMMARY: summary });
    expect([result.status, result.stdout]).toEqual([
      0,
      'part-1={"include":[{"environment":"brand-a-dev"},{"environment":"brand-b-dev"}]}\npart-1-any=true\npart-2={"include":[]}\npart-2-any=false\nlater=true\n',
    ]);
    expect(readFileSync(summary, 'utf8')).toBe('### Deploy wave 1\n\nDeploying 2: brand-a-dev, brand-b-dev\n\n');
  });

  it("reads the run's jobs, every page of them, and holds back the lane whose deploy failed", async () => {
    github.runJobs.set('4242', [
      ...Array.from({ length: 140 }, (_, i) => ({ name: `Unrelated job ${i}`, conclusion: 'success' })),
      { name: 'Plan wave 1', conclusion: 'success' },
      { name: 'brand-a-dev / Deploy brand-a-dev', conclusion: 'success' },
      { name: 'brand-b-dev / Deploy brand-b-dev', conclusion: 'failure' },
    ]);
    const result = await wave(twoBrands(), 2);
    expect([result.status, result.stdout]).toEqual([
      0,
      'part-1={"include":[{"environment":"brand-a-staging"}]}\npart-1-any=true\npart-2={"include":[]}\npart-2-any=false\nlater=true\n',
    ]);
    expect(result.stderr).toContain('- brand-b-staging: brand-b-dev did not deploy (failure)');
    expect(github.requests.filter((r) => r.includes('/actions/runs/4242/jobs'))).toEqual(
      [
        '/repos/globex/campaign-aam/actions/runs/4242/jobs?filter=latest&per_page=100',
        '/repos/globex/campaign-aam/actions/runs/4242/jobs?filter=latest&per_page=100&page=2',
      ].map((r) => `GET ${r}`),
    );
  });

  it('exits 1 when GitHub refuses, 2 for bad input, with the reason', async () => {
    const refused = await wave(twoBrands(), 2, { GITHUB_TOKEN: 'wrong' });
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('permissions: actions: read')]);
    const noToken = await wave(twoBrands(), 2, { GITHUB_TOKEN: '' });
    expect([noToken.status, noToken.stderr]).toEqual([2, expect.stringContaining('GITHUB_TOKEN is not set')]);
    const badWave = await wave(twoBrands(), 9);
    expect([badWave.status, badWave.stderr]).toEqual([2, '--wave must be a number from 1 to 6\n']);

    const ambiguous = cli('deploy-waves', [], { cwd: lanesProject(TWO_BRANDS) });
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toContain('cannot plan the deploy: 1 problem to fix first; nothing was deployed:');
    expect(ambiguous.stderr).toContain('    "brand-a": ["brand-a-dev", "brand-a-staging", "brand-a-production"],');
  });
});
