import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { distinctFile } from '../../support/environment';
import { run } from '../../support/run';
import { expectExit } from '../../support/terraform';
import { terraformEnv } from '../../../runtime/terraform';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(300_000);

describe('npm run plan -- <environment>', () => {
  it('synthesizes only that environment, plans it, and leaves its local state owner-only', () => {
    const work = tempDir();
    // An emulator endpoint nobody listens on: with no state, the provider makes no call, so the plan runs offline.
    const offline = (name: string) =>
      distinctFile(name, (f) => {
        f.aws.endpoint = 'http://127.0.0.1:9';
        f.backend = { type: 'local', path: join(work, `${name}.tfstate`) };
      });
    const dir = environmentsDir({ alpha: offline('alpha'), beta: offline('beta') }, work);

    const json = join(tempDir(), 'alpha.plan.json');
    const result = run(
      'npm',
      ['run', '--silent', 'plan', '--', 'alpha', '--output', join(work, 'cdktf.out'), '--json-plan', json],
      { env: { ...terraformEnv(), CAMPAIGN_AAM_ENVIRONMENTS: dir, GITHUB_OUTPUT: join(work, 'github-output') } },
    );

    expectExit(result, 0);
    expect(result.stdout).toContain(
      `alpha: stack and handoff documents in ${join(work, 'cdktf.out', 'stacks', 'alpha')}`,
    );
    expect(result.stdout).not.toContain('beta: stack and handoff documents');
    expect(result.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/);
    for (const file of ['alpha.tfstate', 'alpha.tfstate.backup']) {
      expect(statSync(join(work, file)).mode & 0o777).toBe(0o600);
    }
    // The saved plan is gone; its JSON is owner-only, its fingerprint printed and handed to Actions.
    expect(existsSync(join(work, 'cdktf.out', 'stacks', 'alpha', 'plan'))).toBe(false);
    expect(statSync(json).mode & 0o777).toBe(0o600);
    const fingerprint = /^alpha: plan fingerprint (plan1:[\w-]+)$/m.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`npm run deploy -- alpha --expect-plan ${fingerprint}`);
    expect(readFileSync(join(work, 'github-output'), 'utf8')).toBe(`fingerprint=${fingerprint}\n`);
  });

  it.each([
    [['plan'], /^usage: npm run plan -- <environment> \[--json-plan <file>\] \[--output <dir>\]/],
    [
      ['plan', '--', 'alpha', '--json-plan', 'plan.json'],
      /^--json-plan plan\.json is inside the project and not ignored by git/,
    ],
    [['deploy', '--', 'alpha', '--expect-plan', 'sha256:0'], /^"sha256:0" is not a plan fingerprint/],
    [['plan', '--', 'alpha', '--auto-approve'], /^Unknown option '--auto-approve'/],
    [['deploy', '--', 'alpha', 'beta'], /^one environment at a time, not also beta\n\nusage: npm run deploy/],
    [['deploy', '--', 'alpha', '--output'], /^Option '--output <value>' argument missing/],
    [
      ['deploy', '--', 'stagin'],
      /^no environment named "stagin" \(did you mean "staging"\?\); known: dev, production, staging$/m,
    ],
  ])('rejects `npm run %j` with a usage message (exit 2), synthesizing nothing', (args, message) => {
    const work = tempDir();
    const result = run('npm', ['run', '--silent', ...args], { env: { CDKTF_OUTDIR: join(work, 'out') } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it.each(['plan', 'deploy'])('prints its usage for `npm run %s -- --help` (exit 0)', (command) => {
    const result = run('npm', ['run', '--silent', command, '--', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^usage: npm run ${command} -- <environment>`));
  });
});
