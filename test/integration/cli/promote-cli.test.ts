import { join } from 'node:path';
import { cli, removeCliBuild } from '../../support/compiled-cli';
import { lanesProject, TWO_BRAND_LANES, TWO_BRANDS } from '../../support/lanes-project';
import { edit, exampleProject, readJson } from '../../support/promote-project';
import { run } from '../../support/run';

jest.setTimeout(240_000);
afterAll(removeCliBuild);

const promote = (project: string, ...args: string[]) => cli('promote', args, { cwd: project });

/** A copy of the examples where dev has moved on: a new prefix for the integration's folders. */
function laggingProject(): string {
  const project = exampleProject();
  edit(project, 'dev', (f) => (f.receiver.prefix = 'campaign-aam-v2/'));
  return project;
}

describe('npm run promote (the compiled command)', () => {
  it('prints the status of the shipped examples, one lane by tier', () => {
    const result = run('npm', ['run', '--silent', 'promote', '--', '--status']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'One lane, by tier (each tier holds one environment); 0 of 2 steps lag:\n\n- main: dev → staging → production\n',
    );
    expect(result.stdout).toContain('| main | dev → staging | 0 | — | 5 |');
    expect(result.stdout).toContain('| main | staging → production | 0 | — | 5 |');
    expect(result.stdout).toContain(
      '- receiver.forceDestroy: dev true, staging false (intendedDifferences[4]: The development bucket is torn down and rebuilt freely, test data and all.)',
    );
  });

  it('gives the status as JSON', () => {
    const result = promote(exampleProject(), '--status', '--json');
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout);
    expect([status.lanesSource, status.lanes.map((l: any) => [l.name, l.environments])]).toEqual([
      'tier',
      [['main', ['dev', 'staging', 'production']]],
    ]);
    expect(status.lanes[0].steps.map((s: any) => [s.from, s.to, s.lags, s.intended.length])).toEqual([
      ['dev', 'staging', false, 5],
      ['staging', 'production', false, 5],
    ]);
  });

  it('shows what differs, gates on --check, writes with --write, and is then up to date', () => {
    const project = laggingProject();
    const shown = promote(project, 'dev', 'staging');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('~ receiver.prefix: dev "campaign-aam-v2/", staging "campaign-aam/"');
    expect(shown.stdout).toContain(
      'receiver.bucketName: dev "globex-campaign-aam-dev", staging "globex-campaign-aam-staging"',
    );
    expect(shown.stdout).toContain('staging lags dev. Run with --write to update environments/staging.json.');

    expect(promote(project, 'dev', 'staging', '--check').status).toBe(1);
    expect(promote(project, 'staging', 'production', '--check').status).toBe(0);

    const written = promote(project, 'dev', 'staging', '--write');
    expect(written.status).toBe(0);
    expect(written.stdout).toContain('Wrote environments/staging.json: 1 setting(s) promoted.');
    expect(readJson(project, 'staging').receiver.prefix).toBe('campaign-aam-v2/');
    expect(promote(project, 'dev', 'staging', '--check').status).toBe(0);

    const status = promote(project, '--status');
    expect(status.stdout).toContain('| main | staging → production | 1 | `receiver.prefix` | 5 |');
  });

  it('reports as JSON', () => {
    const result = promote(laggingProject(), 'dev', 'staging', '--json');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      from: 'dev',
      to: 'staging',
      lags: true,
      toPromote: [{ path: 'receiver.prefix', action: 'set', from: 'campaign-aam-v2/', to: 'campaign-aam/' }],
      manual: [],
      guardRails: { applies: false, weakenings: [], allowedWeaker: null },
      write: null,
    });
  });

  it('refuses to weaken production unless told why, and prints the reason', () => {
    const project = exampleProject();
    edit(project, 'staging', (f) => delete f.receiver.accessLogs);
    const refused = promote(project, 'staging', 'production', '--write');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('Nothing was written to environments/production.json; 1 problem(s):');
    expect(refused.stdout).toContain(
      '[guard rail: keep-access-logs; pass --allow-weaker "<reason>" if this is intended]',
    );
    expect(readJson(project, 'production').receiver.accessLogs).toBeDefined();

    const reason = 'Access logs move to the central logging account (CHG-2291).';
    const allowed = promote(project, 'staging', 'production', '--write', '--allow-weaker', reason);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain(`Allowed with --allow-weaker: ${reason}`);
    expect(readJson(project, 'production').receiver.accessLogs).toBeUndefined();
  });

  it('works lane by lane for two brands, and says which lanes to declare while there are none', () => {
    const project = lanesProject(TWO_BRANDS, { lanes: TWO_BRAND_LANES });
    edit(project, 'brand-b-dev', (f) => (f.receiver.prefix = 'campaign-aam-v2/'));
    expect(promote(project, 'brand-b-dev', 'brand-b-staging', '--check').status).toBe(1);
    expect(promote(project, 'brand-a-dev', 'brand-a-staging', '--check').status).toBe(0);
    const status = promote(project, '--status');
    expect(status.stdout).toContain('| brand-b | brand-b-dev → brand-b-staging | 1 | `receiver.prefix` | 0 |');
    expect(status.stdout).toContain('| brand-a | brand-a-dev → brand-a-staging | 0 | — | 0 |');

    const unlaned = promote(lanesProject(TWO_BRANDS), '--status');
    expect(unlaned.status).toBe(2);
    expect(unlaned.stderr).toContain(
      'the promotion order is ambiguous, since tier development holds brand-a-dev, brand-b-dev',
    );
    expect(unlaned.stderr).toContain(
      '  "lanes": {\n    "brand-a": ["brand-a-dev", "brand-a-staging", "brand-a-production"],\n    "brand-b": ["brand-b-dev", "brand-b-staging", "brand-b-production"]\n  }',
    );
  });

  it('exits 2 with a clear message for bad input', () => {
    const project = exampleProject();
    const cases: [string[], string][] = [
      [['dev', 'stagin'], 'no environment named "stagin" (did you mean "staging"?)'],
      [['dev', 'dev'], 'cannot promote "dev" onto itself'],
      [['dev', 'production'], 'promote one step at a time, dev → staging, then staging → production'],
      [['dev'], 'usage: npm run promote -- <from> <to>'],
      [['dev', 'staging', '--write', '--check'], '--check only reports'],
      [['dev', 'staging', '--allow-weaker', 'because reasons matter here'], '--allow-weaker only applies to --write'],
      [['dev', 'staging', '--force'], "Unknown option '--force'"],
      [['--status', 'dev'], '--status takes no environments'],
    ];
    for (const [args, message] of cases) {
      const result = promote(project, ...args);
      expect({ args, status: result.status, stderr: result.stderr }).toEqual({
        args,
        status: 2,
        stderr: expect.stringContaining(message),
      });
    }
  });

  it('names every problem of invalid source files and writes nothing', () => {
    const project = exampleProject();
    edit(project, 'dev', (f) => (f.receiver.prefix = '/campaign-aam'));
    const result = promote(project, 'dev', 'staging', '--write');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot promote: 1 problem to fix first; nothing was written:');
    expect(result.stderr).toContain(`${join('environments', 'dev.json')}: receiver.prefix = "/campaign-aam"`);
  });
});
