import { cliAsync, removeCliBuild } from '../../support/compiled-cli';
import { fileWith } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(240_000);
afterAll(removeCliBuild);

const SECRET = 'planted/Secret+Access%Key0123456789abcdefgh';

/** `npm run verify` in a project whose one environment's S3 endpoint refuses connections at once. */
function verify(env: Record<string, string>) {
  const work = tempDir();
  environmentsDir({ test: fileWith((f) => (f.aws.endpoint = 'http://127.0.0.1:9')) }, work);
  return cliAsync('verify', ['test'], {
    cwd: work,
    env: { CAMPAIGN_AAM_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', CAMPAIGN_AAM_SECRET_ACCESS_KEY: SECRET, ...env },
  });
}

describe('npm run verify in GitHub Actions', () => {
  it('masks the secret it reads before printing anything else', async () => {
    const result = await verify({ GITHUB_ACTIONS: 'true' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('::add-mask::planted/Secret+Access%25Key0123456789abcdefgh');
    // The check ran (and failed on the refused connection) after the mask.
    expect(lines.slice(1).join('\n')).toContain('Checking s3://');
    expect(result.stdout.split(SECRET).length + result.stderr.split(SECRET).length).toBe(2);
  });

  it('prints no workflow command outside Actions', async () => {
    const result = await verify({ GITHUB_ACTIONS: '' });
    expect(result.stdout).not.toContain('::add-mask::');
    expect(result.stdout).toMatch(/^Checking s3:\/\//);
  });
});
