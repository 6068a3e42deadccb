import { GUARD_RAILS } from '../../../promote/guard-rails';
import { promote } from '../../../promote/promote';
import { loadWorkspace } from '../../../promote/workspace';
import { edit, environmentsOf, exampleProject, readText, undeclare } from '../../support/promote-project';

const REASON = 'Incident 4711: the access-log bucket is being replaced this week.';
const STAGING_KEY = 'arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const promoteOnto = async (project: string, to: string, allowWeaker?: string) =>
  await promote(await loadWorkspace(environmentsOf(project), project), 'staging', to, { write: true, allowWeaker });

/** Each guard rail: a change to staging that, promoted, weakens production, and its opposite that strengthens it. */
const cases: { rail: string; weaken: (project: string) => void; strengthen: (project: string) => void }[] = [
  {
    rail: 'keep-versioning',
    weaken: (p) => edit(p, 'staging', (f) => (f.receiver.versioning = false)),
    // Production can never have versioning off, so there is nothing weaker to strengthen from.
    strengthen: (p) => edit(p, 'staging', (f) => (f.receiver.versioning = true)),
  },
  {
    rail: 'no-force-destroy',
    weaken: (p) => edit(p, 'staging', (f) => (f.receiver.forceDestroy = true)),
    strengthen: (p) => edit(p, 'staging', (f) => (f.receiver.forceDestroy = false)),
  },
  {
    rail: 'keep-access-logs',
    weaken: (p) => edit(p, 'staging', (f) => delete f.receiver.accessLogs),
    // Staging logs, production does not: promotion asks for production's own log bucket instead.
    strengthen: (p) => edit(p, 'production', (f) => delete f.receiver.accessLogs),
  },
  {
    rail: 'keep-kms-key',
    weaken: (p) => undeclare(p, 'receiver.kmsKeyArn'),
    strengthen: (p) => {
      undeclare(p, 'receiver.kmsKeyArn');
      edit(p, 'production', (f) => delete f.receiver.kmsKeyArn);
      edit(p, 'staging', (f) => (f.receiver.kmsKeyArn = STAGING_KEY));
    },
  },
  {
    rail: 'keep-pgp-key',
    weaken: (p) => undeclare(p, 'accessKey.pgpPublicKey'),
    strengthen: (p) => {
      undeclare(p, 'accessKey.pgpPublicKey');
      edit(p, 'staging', (f) => (f.accessKey = { pgpPublicKey: 'keybase:globex_secops_2' }));
    },
  },
  {
    rail: 'keep-account-guard',
    weaken: (p) => edit(p, 'staging', (f) => delete f.aws.accountId),
    strengthen: (p) => edit(p, 'production', (f) => delete f.aws.accountId),
  },
  {
    rail: 'keep-segment-retention',
    weaken: (p) => undeclare(p, 'receiver.segmentRetentionDays'),
    strengthen: (p) => {
      undeclare(p, 'receiver.segmentRetentionDays');
      edit(p, 'staging', (f) => (f.receiver.segmentRetentionDays = 90));
    },
  },
  {
    rail: 'keep-version-retention',
    weaken: (p) => undeclare(p, 'receiver.noncurrentVersionRetentionDays'),
    strengthen: (p) => {
      undeclare(p, 'receiver.noncurrentVersionRetentionDays');
      edit(p, 'staging', (f) => (f.receiver.noncurrentVersionRetentionDays = 90));
    },
  },
];

/** The rules in config/ refuse these in production whatever the reason; the guard rail only speaks first. */
const FORBIDDEN_IN_PRODUCTION: Record<string, string> = {
  'keep-versioning': 'production-versioning',
  'no-force-destroy': 'production-force-destroy',
};

describe('production guard rails', () => {
  it('has a case here for every guard rail', async () => {
    expect(cases.map((c) => c.rail).sort()).toEqual(GUARD_RAILS.map((r) => r.id).sort());
  });

  describe.each(cases)('$rail', ({ rail, weaken, strengthen }) => {
    it('refuses the weakening change into production and writes nothing', async () => {
      const project = exampleProject();
      weaken(project);
      const before = readText(project, 'production');
      const result = await promoteOnto(project, 'production');

      expect(result.weakenings.map((w) => w.rail.id)).toEqual([rail]);
      expect(result.write?.status).toBe('refused');
      expect(result.write?.refusals).toContainEqual({
        kind: 'guard-rail',
        weakening: expect.objectContaining({ rail: expect.objectContaining({ id: rail }) }),
      });
      expect(readText(project, 'production')).toBe(before);
    });

    it(
      FORBIDDEN_IN_PRODUCTION[rail] === undefined
        ? 'writes it with --allow-weaker and a reason'
        : 'still refuses it with --allow-weaker: the production rule holds',
      async () => {
        const project = exampleProject();
        weaken(project);
        const before = readText(project, 'production');
        const result = await promoteOnto(project, 'production', REASON);

        expect(result.allowWeaker).toBe(REASON);
        const forbidden = FORBIDDEN_IN_PRODUCTION[rail];
        if (forbidden === undefined) {
          expect(result.write?.status).toBe('written');
          expect(readText(project, 'production')).not.toBe(before);
        } else {
          expect(result.write?.refusals.map((r) => (r.kind === 'invalid' ? r.problem.rule : r.kind))).toEqual([
            forbidden,
          ]);
          expect(readText(project, 'production')).toBe(before);
        }
      },
    );

    it('does not apply to a non-production environment', async () => {
      const project = exampleProject();
      weaken(project);
      edit(project, 'production', (f) => (f.environment.tier = 'staging'));
      // Two staging-tier environments: the order is no longer the tiers' to give.
      edit(project, '_promotion', (f) => (f.lanes = { globex: ['dev', 'staging', 'production'] }));
      const result = await promoteOnto(project, 'production');
      expect(result.weakenings).toEqual([]);
    });

    it('lets a change that keeps or strengthens production through', async () => {
      const project = exampleProject();
      strengthen(project);
      const result = await promoteOnto(project, 'production');
      expect(result.weakenings).toEqual([]);
      expect(result.write?.refusals.filter((r) => r.kind === 'guard-rail')).toEqual([]);
    });
  });

  it('wants a real reason for --allow-weaker', async () => {
    const project = exampleProject();
    await expect(promoteOnto(project, 'production', 'ok')).rejects.toThrow(
      '--allow-weaker needs a reason of at least 20 characters',
    );
  });
});
