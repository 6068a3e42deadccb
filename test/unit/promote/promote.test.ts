import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSettingPath } from '../../../config/setting-path';
import { promote, PromoteUsageError, type PromoteResult } from '../../../promote/promote';
import { loadWorkspace } from '../../../promote/workspace';
import {
  edit,
  environmentsOf,
  exampleProject,
  readJson,
  readText,
  replaceText,
  undeclare,
} from '../../support/promote-project';

const run = async (
  project: string,
  from: string,
  to: string,
  options: { write?: boolean; allowWeaker?: string } = {},
) => await promote(await loadWorkspace(environmentsOf(project), project), from, to, { write: false, ...options });

const paths = (result: PromoteResult) => ({
  toPromote: result.plan.toPromote.map((d) => `${d.action} ${formatSettingPath(d.path)}`),
  manual: result.plan.manual.map((d) => formatSettingPath(d.path)),
  intended: result.plan.intended.map((m) => formatSettingPath(m.difference.path)),
});

describe('promote: what is compared', () => {
  it('finds nothing to promote between the shipped examples: their differences are all declared', async () => {
    const project = exampleProject();
    for (const [from, to] of [
      ['dev', 'staging'],
      ['staging', 'production'],
    ]) {
      const result = await run(project, from, to);
      expect(result.lags).toBe(false);
      expect(result.plan.intended.length).toBeGreaterThan(0);
    }
  });

  it('promotes a shared field and keeps per-environment ones', async () => {
    const project = exampleProject();
    edit(project, 'dev', (f) => {
      f.receiver.prefix = 'campaign-aam-v2/';
      f.receiver.bucketName = 'globex-campaign-aam-dev-v2';
      f.campaign.visitorIdService.trackingServer = 'metrics2.dev.globex.example';
    });
    const result = await run(project, 'dev', 'staging', { write: true });

    expect(paths(result).toPromote).toEqual(['set receiver.prefix']);
    expect(result.plan.toPromote[0]).toMatchObject({ from: 'campaign-aam-v2/', to: 'campaign-aam/' });
    expect(result.plan.kept.map((k) => formatSettingPath(k.path))).toEqual(
      expect.arrayContaining(['receiver.bucketName', 'campaign.visitorIdService.trackingServer']),
    );
    const staging = readJson(project, 'staging');
    expect(staging.receiver.prefix).toBe('campaign-aam-v2/');
    expect(staging.receiver.bucketName).toBe('globex-campaign-aam-staging');
    expect(staging.campaign.visitorIdService.trackingServer).toBe('metrics.staging.globex.example');
  });

  it('compares values with defaults applied: spelling out a default is no difference', async () => {
    const project = exampleProject();
    edit(project, 'dev', (f) => {
      f.receiver.versioning = true;
      f.campaign.externalAccounts = { import: { name: 'importSharedAudience', folder: 'import' } };
    });
    expect((await run(project, 'dev', 'staging')).lags).toBe(false);
  });

  it('matches data sources by label, whatever their order: added, removed and changed ones', async () => {
    const project = exampleProject();
    edit(project, 'dev', (f) => {
      const [visitor, crm] = f.campaign.dataSources;
      f.campaign.dataSources = [
        { ...crm, alias: 'Adobe Campaign (CRM)', aamDestinationId: '100202' },
        {
          type: 'declared-id',
          label: 'Loyalty ID',
          alias: 'Adobe Campaign (Loyalty)',
          reconciliationKey: 'loyaltyId',
          aamDestinationId: '100299',
        },
        visitor,
      ];
    });
    edit(project, 'staging', (f) => {
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'Legacy Email Hash',
        alias: 'Adobe Campaign (Email)',
        reconciliationKey: 'emailHash',
      });
    });
    const result = await run(project, 'dev', 'staging', { write: true });

    expect(paths(result).toPromote).toEqual([
      'set campaign.dataSources["Globex CRM ID"].alias',
      'add campaign.dataSources["Loyalty ID"]',
      'remove campaign.dataSources["Legacy Email Hash"]',
    ]);
    // Adobe assigns destination IDs per environment: they are neither copied nor reported as lag.
    expect(readJson(project, 'staging').campaign.dataSources).toEqual([
      { type: 'visitor-id', aamDestinationId: '200301' },
      {
        type: 'declared-id',
        label: 'Globex CRM ID',
        alias: 'Adobe Campaign (CRM)',
        aamDestinationId: '200302',
        reconciliationKey: 'crmId',
      },
      { type: 'declared-id', label: 'Loyalty ID', alias: 'Adobe Campaign (Loyalty)', reconciliationKey: 'loyaltyId' },
    ]);
    expect((await run(project, 'dev', 'staging')).lags).toBe(false);
  });

  it('skips intended differences, and promotes the same setting once its declaration is gone', async () => {
    const project = exampleProject();
    let result = await run(project, 'staging', 'production');
    expect(paths(result).intended).toContain('dns.ttl');
    expect(paths(result).toPromote).toEqual([]);

    undeclare(project, 'dns.ttl');
    result = await run(project, 'staging', 'production');
    expect(paths(result).toPromote).toEqual(['set dns.ttl']);
  });

  it('applies a `between` declaration to that pair only', async () => {
    const project = exampleProject();
    edit(project, 'staging', (f) => (f.request.recipient = 'campaign-support@globex.example'));
    edit(project, '_promotion', (f) =>
      f.intendedDifferences.push({
        path: 'request.recipient',
        between: ['staging', 'production'],
        reason: 'Staging requests go to our own support desk while production goes to Adobe.',
      }),
    );
    expect(paths(await run(project, 'staging', 'production')).intended).toContain('request.recipient');
    expect(paths(await run(project, 'dev', 'staging')).toPromote).toEqual(['set request.recipient']);
  });

  it('removes a presence-shared setting the source lacks, and asks for a value the target lacks', async () => {
    const project = exampleProject();
    edit(
      project,
      'dev',
      (f) => (f.receiver.kmsKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
    );
    undeclare(project, 'receiver.accessLogs');
    const result = await run(project, 'dev', 'staging', { write: true });

    expect(paths(result)).toMatchObject({ toPromote: ['remove receiver.accessLogs'], manual: ['receiver.kmsKeyArn'] });
    expect(result.write).toMatchObject({
      status: 'refused',
      refusals: [{ kind: 'manual', path: 'receiver.kmsKeyArn' }],
    });
    expect(readJson(project, 'staging').receiver.accessLogs).toBeDefined();
  });

  it('says which environment it does not know, and refuses to promote onto itself', async () => {
    const project = exampleProject();
    await expect(run(project, 'dev', 'prodution')).rejects.toThrow(
      new PromoteUsageError(
        'no environment named "prodution" (did you mean "production"?); known: dev, production, staging (the files in environments/)',
      ),
    );
    await expect(run(project, 'staging', 'staging')).rejects.toThrow(
      'cannot promote "staging" onto itself: name two different environments',
    );
  });

  it('refuses invalid source files before comparing anything', async () => {
    const project = exampleProject();
    replaceText(project, 'dev', '"prefix": "campaign-aam/"', '"prefix": "/campaign-aam"');
    await expect(loadWorkspace(environmentsOf(project), project)).rejects.toThrow(
      /environments\/dev\.json: receiver\.prefix/,
    );
  });
});

describe('promote --write: format-preserving, all or nothing', () => {
  it('changes only the promoted lines of a multi-line file, keeping key order and `$schema`', async () => {
    const project = exampleProject();
    const before = readText(project, 'staging');
    edit(project, 'dev', (f) => {
      f.organization.name = 'Globex Retail Group';
      f.receiver.prefix = 'campaign-aam-v2/';
      Object.assign(f.campaign.dataSources[1], { servesTriggers: true, priority: 5 });
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'Loyalty ID',
        alias: 'Adobe Campaign (Loyalty)',
        reconciliationKey: 'loyaltyId',
        aamDestinationId: '100299',
      });
    });
    const result = await run(project, 'dev', 'staging', { write: true });

    expect(result.write?.status).toBe('written');
    expect(readText(project, 'staging')).toBe(
      before
        .replace('"name": "Globex Retail",', '"name": "Globex Retail Group",')
        .replace('"prefix": "campaign-aam/",', '"prefix": "campaign-aam-v2/",')
        .replace(
          '        "reconciliationKey": "crmId"\n      }\n',
          [
            '        "reconciliationKey": "crmId",',
            '        "servesTriggers": true,',
            '        "priority": 5',
            '      },',
            '      {',
            '        "type": "declared-id",',
            '        "label": "Loyalty ID",',
            '        "alias": "Adobe Campaign (Loyalty)",',
            '        "reconciliationKey": "loyaltyId"',
            '      }',
            '',
          ].join('\n'),
        ),
    );
  });

  it('keeps one-line objects on one line', async () => {
    const project = exampleProject();
    const before = readText(project, 'dev');
    edit(project, '_promotion', (f) => (f.lanes = { globex: ['staging', 'dev', 'production'] }));
    edit(project, 'staging', (f) => {
      f.organization.name = 'Globex Retail Group';
      f.campaign.dataSources[0].alias = 'Adobe Campaign Standard';
    });
    await run(project, 'staging', 'dev', { write: true });

    expect(readText(project, 'dev')).toBe(
      before
        .replace('{ "name": "Globex Retail",', '{ "name": "Globex Retail Group",')
        .replace(
          '{ "type": "visitor-id", "aamDestinationId": "100201" }',
          '{ "type": "visitor-id", "aamDestinationId": "100201", "alias": "Adobe Campaign Standard" }',
        ),
    );
  });

  it('removes a value the source leaves to its default, and the object that leaves empty', async () => {
    const project = exampleProject();
    replaceText(
      project,
      'staging',
      '"noncurrentVersionRetentionDays": 7,',
      '"noncurrentVersionRetentionDays": 7,\n    "abortIncompleteMultipartUploadDays": 3,',
    );
    replaceText(
      project,
      'staging',
      '  "campaign": {\n',
      '  "campaign": {\n    "externalAccounts": { "import": { "name": "importAudiences" } },\n',
    );
    await run(project, 'dev', 'staging', { write: true });
    expect(readText(project, 'staging')).toBe(readText(exampleProject(), 'staging'));
  });

  it('keeps a file that is not Prettier-formatted in its own indentation, changing only the promoted line', async () => {
    const project = exampleProject();
    const tabbed = `${JSON.stringify(readJson(project, 'staging'), null, '\t')}\n`;
    writeFileSync(join(environmentsOf(project), 'staging.json'), tabbed);
    edit(project, 'dev', (f) => (f.receiver.prefix = 'campaign-aam-v2/'));
    await run(project, 'dev', 'staging', { write: true });
    expect(readText(project, 'staging')).toBe(
      tabbed.replace('\t\t"prefix": "campaign-aam/",', '\t\t"prefix": "campaign-aam-v2/",'),
    );
  });

  it('writes nothing when the result would not synthesize, and lists every problem', async () => {
    const project = exampleProject();
    // Staging alone has a QA data source; dev's CRM source takes the same alias.
    edit(project, 'staging', (f) =>
      f.campaign.dataSources.push({
        type: 'declared-id',
        label: 'QA Seeds',
        alias: 'Adobe Campaign (QA)',
        reconciliationKey: 'qaId',
      }),
    );
    edit(project, '_promotion', (f) =>
      f.intendedDifferences.push({
        path: 'campaign.dataSources["QA Seeds"]',
        environments: ['staging'],
        reason: 'Seed profiles for QA exist in staging only and never reach production.',
      }),
    );
    edit(project, 'dev', (f) => {
      f.campaign.dataSources[1].alias = 'Adobe Campaign (QA)';
      f.receiver.kmsKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    });
    const before = readText(project, 'staging');
    const result = await run(project, 'dev', 'staging', { write: true });

    expect(result.write?.status).toBe('refused');
    expect(result.write?.refusals).toEqual([
      { kind: 'manual', path: 'receiver.kmsKeyArn' },
      {
        kind: 'invalid',
        problem: expect.objectContaining({
          file: 'environments/staging.json',
          path: 'campaign.dataSources[2].alias',
          rule: 'unique-data-source-alias',
        }),
      },
    ]);
    expect(readText(project, 'staging')).toBe(before);
  });

  it('leaves an up-to-date file untouched', async () => {
    const project = exampleProject();
    const result = await run(project, 'dev', 'staging', { write: true });
    expect(result.write?.status).toBe('up-to-date');
    expect(readText(project, 'staging')).toBe(readText(exampleProject(), 'staging'));
  });
});
