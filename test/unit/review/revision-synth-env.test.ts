import { synthesizeRevision } from '../../../review/revision/synth-revision';
import { TempSpace } from '../../../review/revision/temp-space';
import { PROJECT_DIR } from '../../support/run';

/** A revision whose app prints the names and values of its environment, then fails: its report shows them. */
const leakingRevision = new Map([
  ['environments/dev.json', Buffer.from('{}')],
  [
    'main.ts',
    Buffer.from(
      'for (const [k, v] of Object.entries(process.env)) process.stderr.write(`${k}=${v}\\n`);\nprocess.exit(1);\n',
    ),
  ],
]);

const PLANTED = {
  AWS_ACCESS_KEY_ID: 'AKIAPLANTEDPLANTED00',
  AWS_SECRET_ACCESS_KEY: 'planted-aws-secret-access-key',
  AWS_SESSION_TOKEN: 'planted-session-token',
  GITHUB_TOKEN: 'ghs_plantedplantedplanted',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'planted-oidc-request-token',
  CAMPAIGN_AAM_SECRET_ACCESS_KEY: 'planted-campaign-secret',
};

describe("a revision's synth (it runs the pull request's code)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(PLANTED)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('inherits no credential of the caller: no AWS keys, no GITHUB_TOKEN, no OIDC request token', async () => {
    Object.assign(process.env, PLANTED);
    const space = new TempSpace();
    try {
      const result = await synthesizeRevision(space, 'head', leakingRevision, PROJECT_DIR);
      expect(result.ok).toBe(false);
      const printed = result.ok ? '' : [result.problem.summary, ...result.problem.details].join('\n');
      // The app did run and print its environment...
      expect(printed).toMatch(/^CAMPAIGN_AAM_SYNTH_ONLY=1$/m);
      expect(printed).toMatch(/^PATH=/m);
      // ...which holds none of the planted values, under any name.
      for (const [name, value] of Object.entries(PLANTED)) {
        expect({ name, leaked: printed.includes(value) }).toEqual({ name, leaked: false });
      }
    } finally {
      await space.disposeAsync();
    }
  });
});
