import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, formatProblem } from '../../../config/problems';
import { describePromotionError } from '../../../promote/describe-error';
import { listingOrder } from '../../../promote/lanes';
import { promote, PromoteUsageError } from '../../../promote/promote';
import { statusJson } from '../../../promote/render-json';
import { renderStatus } from '../../../promote/render-text';
import { promotionStatus } from '../../../promote/status';
import { loadWorkspace } from '../../../promote/workspace';
import { FAN_OUT, FAN_OUT_LANES, lanesProject, TWO_BRAND_LANES, TWO_BRANDS } from '../../support/lanes-project';
import { edit, environmentsOf, readJson } from '../../support/promote-project';

const REASON = 'The US production keeps audiences for two weeks, as the US privacy notice promises.';
const workspaceOf = (project: string) => loadWorkspace(environmentsOf(project), project);
const statusOf = async (project: string) => {
  const workspace = await workspaceOf(project);
  return renderStatus(workspace, promotionStatus(workspace));
};
const run = async (project: string, from: string, to: string, write = false) =>
  promote(await workspaceOf(project), from, to, { write });
const fileText = (project: string, name: string) => readFileSync(join(environmentsOf(project), `${name}.json`), 'utf8');

/** Brand A moves to a new prefix in dev; brand B chose the People core service in all its stages. */
function twoBrands(): string {
  const project = lanesProject(TWO_BRANDS, { lanes: TWO_BRAND_LANES });
  edit(project, 'brand-a-dev', (f) => (f.receiver.prefix = 'campaign-aam-v2/'));
  for (const stage of ['dev', 'staging', 'production']) {
    edit(project, `brand-b-${stage}`, (f) => (f.request.service = 'people-core-service'));
  }
  return project;
}

describe('two brands, each with dev → staging → production', () => {
  it('reports the status lane by lane: brand A lags in its own lane, brand B does not lag brand A', async () => {
    expect(await statusOf(twoBrands())).toBe(
      [
        '## Promotion status',
        '',
        'Lanes (as declared in environments/_promotion.json); 1 of 4 steps lags:',
        '',
        '- brand-a: brand-a-dev → brand-a-staging → brand-a-production',
        '- brand-b: brand-b-dev → brand-b-staging → brand-b-production',
        '',
        '| Lane | Step | Shared settings that differ | Which | Intended differences |',
        '| --- | --- | --: | --- | --: |',
        '| brand-a | brand-a-dev → brand-a-staging | 1 | `receiver.prefix` | 0 |',
        '| brand-a | brand-a-staging → brand-a-production | 0 | — | 0 |',
        '| brand-b | brand-b-dev → brand-b-staging | 0 | — | 0 |',
        '| brand-b | brand-b-staging → brand-b-production | 0 | — | 0 |',
      ].join('\n'),
    );
  });

  it('gives the status as JSON, lane by lane', async () => {
    const workspace = await workspaceOf(twoBrands());
    const json = statusJson(workspace, promotionStatus(workspace));
    expect(json.lanesSource).toBe('declared');
    expect(json.lanes.map((l) => [l.name, l.environments, l.steps.map((s) => [s.from, s.to, s.lane, s.lags])])).toEqual(
      [
        [
          'brand-a',
          TWO_BRAND_LANES['brand-a'],
          [
            ['brand-a-dev', 'brand-a-staging', 'brand-a', true],
            ['brand-a-staging', 'brand-a-production', 'brand-a', false],
          ],
        ],
        [
          'brand-b',
          TWO_BRAND_LANES['brand-b'],
          [
            ['brand-b-dev', 'brand-b-staging', 'brand-b', false],
            ['brand-b-staging', 'brand-b-production', 'brand-b', false],
          ],
        ],
      ],
    );
  });

  it('checks and writes along a step, touching only that lane', async () => {
    const project = twoBrands();
    const brandB = ['dev', 'staging', 'production'].map((s) => fileText(project, `brand-b-${s}`));
    expect((await run(project, 'brand-a-dev', 'brand-a-staging')).lags).toBe(true);
    expect((await run(project, 'brand-b-dev', 'brand-b-staging')).lags).toBe(false);

    const written = await run(project, 'brand-a-dev', 'brand-a-staging', true);
    expect(written.write?.status).toBe('written');
    expect(written.plan.toPromote.map((d) => d.path.field)).toEqual(['receiver.prefix']);
    expect(readJson(project, 'brand-a-staging').receiver.prefix).toBe('campaign-aam-v2/');
    expect(['dev', 'staging', 'production'].map((s) => fileText(project, `brand-b-${s}`))).toEqual(brandB);
    expect((await statusOf(project)).split('\n').filter((l) => l.startsWith('| brand-'))).toEqual([
      '| brand-a | brand-a-dev → brand-a-staging | 0 | — | 0 |',
      '| brand-a | brand-a-staging → brand-a-production | 1 | `receiver.prefix` | 0 |',
      '| brand-b | brand-b-dev → brand-b-staging | 0 | — | 0 |',
      '| brand-b | brand-b-staging → brand-b-production | 0 | — | 0 |',
    ]);
  });

  it('promotes only along a step of a lane, and names the path otherwise', async () => {
    const project = twoBrands();
    await expect(run(project, 'brand-a-dev', 'brand-b-staging')).rejects.toThrow(
      new PromoteUsageError(
        '"brand-b-staging" is promoted from "brand-b-dev", not from "brand-a-dev": lane brand-b is brand-b-dev → brand-b-staging (the lanes in environments/_promotion.json)',
      ),
    );
    await expect(run(project, 'brand-a-dev', 'brand-a-production')).rejects.toThrow(
      new PromoteUsageError(
        '"brand-a-production" is not promoted from "brand-a-dev" directly: promote one step at a time, brand-a-dev → brand-a-staging, then brand-a-staging → brand-a-production',
      ),
    );
    await expect(run(project, 'brand-a-staging', 'brand-a-dev')).rejects.toThrow(
      new PromoteUsageError(
        'nothing is promoted into "brand-a-dev": it starts lane brand-a (the lanes in environments/_promotion.json)',
      ),
    );
  });

  it('does not guess without lanes: it says why and which lanes the names suggest', async () => {
    const project = lanesProject(TWO_BRANDS);
    const workspace = await workspaceOf(project);
    const error = await run(project, 'brand-a-dev', 'brand-a-staging').catch((e: Error) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(describePromotionError(error as Error, 'cannot promote', 'nothing was written')).toBe(
      [
        'cannot promote: 1 problem to fix first; nothing was written:',
        '  - environments/_promotion.json: lanes: is needed: the promotion order is ambiguous, since tier development holds brand-a-dev, brand-b-dev; tier staging holds brand-a-staging, brand-b-staging; tier production holds brand-a-production, brand-b-production. Declare the lanes changes travel along (each an ordered list of environments) [rule: promotion-lanes-needed]',
        '',
        'The environment names suggest these lanes; check them and add them to environments/_promotion.json:',
        '  "lanes": {',
        '    "brand-a": ["brand-a-dev", "brand-a-staging", "brand-a-production"],',
        '    "brand-b": ["brand-b-dev", "brand-b-staging", "brand-b-production"]',
        '  }',
      ].join('\n'),
    );
    expect(() => promotionStatus(workspace)).toThrow(error as Error);
  });
});

describe('listings that need no lanes (the pull-request plan matrix)', () => {
  it('go lane by lane, or by tier and name while there are no lanes', async () => {
    const unlaned = await workspaceOf(lanesProject(TWO_BRANDS));
    expect(listingOrder(unlaned.environments, unlaned.config)).toEqual([
      'brand-a-dev',
      'brand-b-dev',
      'brand-a-staging',
      'brand-b-staging',
      'brand-a-production',
      'brand-b-production',
    ]);
    const fanOut = await workspaceOf(lanesProject(FAN_OUT, { lanes: FAN_OUT_LANES }));
    expect(listingOrder(fanOut.environments, fanOut.config)).toEqual([
      'dev',
      'staging',
      'production-eu',
      'production-us',
    ]);
  });
});

describe('one staging fanning out into two regional productions', () => {
  function fanOut(): string {
    const project = lanesProject(FAN_OUT, { lanes: FAN_OUT_LANES });
    edit(project, 'staging', (f) => (f.receiver.prefix = 'campaign-aam-v2/'));
    return project;
  }

  it('reports both productions as lagging staging, each in its lane', async () => {
    expect(await statusOf(fanOut())).toBe(
      [
        '## Promotion status',
        '',
        'Lanes (as declared in environments/_promotion.json); 3 of 3 steps lag:',
        '',
        '- eu: dev → staging → production-eu',
        '- us: staging → production-us',
        '',
        '| Lane | Step | Shared settings that differ | Which | Intended differences |',
        '| --- | --- | --: | --- | --: |',
        '| eu | dev → staging | 1 | `receiver.prefix` | 0 |',
        '| eu | staging → production-eu | 1 | `receiver.prefix` | 0 |',
        '| us | staging → production-us | 1 | `receiver.prefix` | 0 |',
      ].join('\n'),
    );
  });

  it('writes each production from staging, and checks each step on its own', async () => {
    const project = fanOut();
    expect((await run(project, 'staging', 'production-us', true)).write?.status).toBe('written');
    expect(readJson(project, 'production-us').receiver.prefix).toBe('campaign-aam-v2/');
    expect((await run(project, 'staging', 'production-us')).lags).toBe(false);
    expect((await run(project, 'staging', 'production-eu')).lags).toBe(true);
    expect(readJson(project, 'production-eu').receiver.prefix).toBeUndefined();
  });

  it('lets an intended difference name a lane: its steps keep their values', async () => {
    const project = lanesProject(FAN_OUT, {
      lanes: FAN_OUT_LANES,
      intendedDifferences: [{ path: 'receiver.segmentRetentionDays', lanes: ['us'], reason: REASON }],
    });
    let workspace = await workspaceOf(project);
    expect(workspace.stale.map((s) => [s.entry.at, s.lane, s.value])).toEqual([['intendedDifferences[0]', 'us', 30]]);

    edit(project, 'production-us', (f) => (f.receiver.segmentRetentionDays = 14));
    workspace = await workspaceOf(project);
    expect(workspace.stale).toEqual([]);
    const us = await run(project, 'staging', 'production-us');
    expect([us.lags, us.plan.intended.map((m) => [m.difference.path.field, m.entry.at])]).toEqual([
      false,
      [['receiver.segmentRetentionDays', 'intendedDifferences[0]']],
    ]);
    edit(project, 'production-eu', (f) => (f.receiver.segmentRetentionDays = 14));
    expect((await run(project, 'staging', 'production-eu')).plan.toPromote.map((d) => d.path.field)).toEqual([
      'receiver.segmentRetentionDays',
    ]);
  });

  it('suggests the fan-out without lanes, named after the regions', async () => {
    const error = await workspaceOf(lanesProject(FAN_OUT)).then((w) => {
      try {
        promotionStatus(w);
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected the lanes to be needed');
    });
    expect(describePromotionError(error, 'cannot promote', 'nothing was written')?.split('\n').slice(2)).toEqual([
      '',
      'The environment names suggest these lanes; check them and add them to environments/_promotion.json:',
      '  "lanes": {',
      '    "eu": ["dev", "staging", "production-eu"],',
      '    "us": ["staging", "production-us"]',
      '  }',
    ]);
  });
});

describe('mistakes in the lanes', () => {
  async function problemsOf(lanes: Record<string, string[]>, extra: Record<string, unknown> = {}): Promise<string[]> {
    const project = lanesProject(TWO_BRANDS, { lanes, ...extra });
    try {
      await workspaceOf(project);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map(formatProblem);
      throw error;
    }
    throw new Error('expected the lanes to be rejected');
  }
  const FILE = 'environments/_promotion.json';

  it('a cycle', async () => {
    expect(
      await problemsOf({
        'brand-a': ['brand-a-dev', 'brand-a-staging', 'brand-a-production'],
        'brand-b': ['brand-b-dev', 'brand-b-staging', 'brand-b-production'],
        loop: ['brand-b-production', 'brand-b-dev'],
      }),
    ).toEqual([
      `${FILE}: lanes.loop[1] = "brand-b-dev": closes a cycle (brand-b-production → brand-b-dev → brand-b-staging → brand-b-production): a change would travel round forever; a lane must start at an environment that nothing is promoted into [rule: promotion-lane-cycle]`,
    ]);
    expect(await problemsOf({ ...TWO_BRAND_LANES, again: ['brand-a-dev', 'brand-a-dev'] })).toEqual([
      `${FILE}: lanes.again[1] = "brand-a-dev": is promoted from itself (brand-a-dev → brand-a-dev): list each environment of a lane once [rule: promotion-lane-cycle]`,
    ]);
  });

  it('the single `order` of earlier versions, which lanes replace', async () => {
    expect(await problemsOf(TWO_BRAND_LANES, { order: ['brand-a-dev', 'brand-a-staging'] })).toEqual([
      `${FILE}: order: is not a known setting. Valid keys here: \`$comment\`, \`lanes\`, \`intendedDifferences\`. [rule: known-keys]`,
    ]);
  });

  it('a second source', async () => {
    expect(
      await problemsOf({
        'brand-a': ['brand-a-dev', 'brand-a-staging', 'brand-a-production'],
        'brand-b': ['brand-b-dev', 'brand-b-staging', 'brand-a-production', 'brand-b-production'],
      }),
    ).toEqual([
      `${FILE}: lanes.brand-b[2] = "brand-a-production": would be promoted from "brand-b-staging" here and from "brand-a-staging" at lanes.brand-a[2]: an environment has one source (a fan-out goes the other way: one environment may start several lanes) [rule: promotion-lane-source]`,
    ]);
  });

  it('an environment in no lane, an unknown environment, an unknown lane', async () => {
    expect(
      await problemsOf(
        {
          'brand-a': ['brand-a-dev', 'brand-a-stagin', 'brand-a-production'],
          'brand-b': ['brand-b-dev', 'brand-b-staging'],
        },
        { intendedDifferences: [{ path: 'receiver.segmentRetentionDays', lanes: ['brand-c'], reason: REASON }] },
      ),
    ).toEqual([
      `${FILE}: lanes.brand-a[1] = "brand-a-stagin": is not an environment (did you mean "brand-a-staging"?); known: brand-a-dev, brand-a-production, brand-a-staging, brand-b-dev, brand-b-production, brand-b-staging [rule: promotion-known-environment]`,
      `${FILE}: lanes: places no lane for "brand-a-staging", "brand-b-production": every environment belongs to one lane (add it to the lane it is promoted in, or give it a lane of its own) [rule: promotion-lane-missing]`,
      `${FILE}: intendedDifferences[0].lanes[0] = "brand-c": is not a lane (did you mean "brand-a"?); lanes: brand-a, brand-b [rule: promotion-known-lane]`,
    ]);
  });
});
