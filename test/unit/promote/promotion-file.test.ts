import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironments } from '../../../config/load';
import { PROMOTION_FILE } from '../../../config/environment-files';
import { ConfigError, formatProblem } from '../../../config/problems';
import { promotionGraph } from '../../../promote/lanes';
import { loadWorkspace } from '../../../promote/workspace';
import { edit, environmentsOf, exampleProject, layoutOf } from '../../support/promote-project';

const REASON = 'A reason long enough to be read in review.';

async function problemsOf(project: string): Promise<string[]> {
  try {
    await loadWorkspace(environmentsOf(project), project);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the intended-differences file to be rejected');
}

const withEntries = (entries: unknown[], extra: Record<string, unknown> = {}) => {
  const project = exampleProject();
  writeFileSync(
    join(environmentsOf(project), PROMOTION_FILE),
    JSON.stringify({ intendedDifferences: entries, ...extra }, null, 2),
  );
  return project;
};

const FILE = 'environments/_promotion.json';

describe('the intended-differences file', () => {
  it('is not an environment: synth and the loader leave it alone', async () => {
    const project = exampleProject();
    expect((await loadEnvironments(layoutOf(project))).map((e) => e.name)).toEqual(['dev', 'production', 'staging']);
  });

  it('is optional: without it nothing is declared and the one lane follows the tiers', async () => {
    const project = exampleProject();
    unlinkSync(join(environmentsOf(project), PROMOTION_FILE));
    const workspace = await loadWorkspace(environmentsOf(project), project);
    expect(workspace.config.intendedDifferences).toEqual([]);
    const graph = promotionGraph(workspace.environments, workspace.config);
    expect([graph.source, graph.lanes]).toEqual([
      'tier',
      [{ name: 'main', environments: ['dev', 'staging', 'production'] }],
    ]);
    expect(graph.edges).toEqual([
      { from: 'dev', to: 'staging', lane: 'main' },
      { from: 'staging', to: 'production', lane: 'main' },
    ]);
  });

  it('can declare the lanes, in any order of tiers', async () => {
    const project = exampleProject();
    edit(project, '_promotion', (f) => (f.lanes = { globex: ['staging', 'dev', 'production'] }));
    const workspace = await loadWorkspace(environmentsOf(project), project);
    const graph = promotionGraph(workspace.environments, workspace.config);
    expect([graph.source, graph.lanes]).toEqual([
      'declared',
      [{ name: 'globex', environments: ['staging', 'dev', 'production'] }],
    ]);
  });

  it('names the file, the entry and the rule for each mistake, all at once', async () => {
    const project = withEntries(
      [
        { path: 'receiver.segmentRetentionDay', environments: ['dev'], reason: REASON },
        { path: 'receiver.bucketName', environments: ['dev'], reason: REASON },
        { path: 'dns.ttl', environments: ['prod'], reason: REASON },
        { path: 'dns.ttl', environments: ['dev'], reason: 'because' },
        { path: 'dns.ttl', environments: ['dev'], between: ['dev', 'staging'], reason: REASON },
        { path: 'campaign.dataSources[].alias', between: ['staging', 'staging'], reason: REASON },
        { path: 'campaign.dataSources["Loyalty ID"]', environments: ['dev'], reason: REASON },
        { path: 'campaign.dataSources[]', environments: ['dev'], reason: REASON },
        { path: 'receiver..prefix', environments: ['dev'], reason: REASON },
        { path: 'receiver.prefix', environments: ['dev'], reason: REASON, note: 'x' },
      ],
      { lanes: { Main: ['dev', 'staging', 'production'] } },
    );
    expect(await problemsOf(project)).toEqual([
      `${FILE}: lanes.Main = "Main": a lane name is 1-63 lowercase letters, digits and hyphens, starting with a letter (e.g. \`brand-a\` or \`eu\`) [rule: promotion-lane-name]`,
      `${FILE}: intendedDifferences[3].reason = "because": say why the difference is intended, in at least 20 characters: reviewers read it [rule: promotion-reason]`,
      `${FILE}: intendedDifferences[4].between = ["dev","staging"]: give one of \`environments\` (each listed environment keeps its own value), \`between\` (exactly two environments that differ from each other) or \`lanes\` (the steps of the named lanes keep their values), not several or none [rule: promotion-scope]`,
      `${FILE}: intendedDifferences[9].note: is not a known setting. Valid keys here: \`path\`, \`environments\`, \`between\`, \`lanes\`, \`reason\`. [rule: known-keys]`,
    ]);

    // Once the shape is right, the references are checked against the environments.
    const shaped = withEntries(
      [
        { path: 'receiver.segmentRetentionDay', environments: ['dev'], reason: REASON },
        { path: 'receiver.bucketName', environments: ['dev'], reason: REASON },
        { path: 'dns.ttl', environments: ['prod'], reason: REASON },
        { path: 'campaign.dataSources[].alias', between: ['staging', 'staging'], reason: REASON },
        { path: 'campaign.dataSources["Loyalty ID"]', environments: ['dev'], reason: REASON },
        { path: 'campaign.dataSources[]', environments: ['dev'], reason: REASON },
        { path: 'receiver..prefix', environments: ['dev'], reason: REASON },
        { path: 'receiver.segmentRetentionDays', environments: ['dev', 'staging'], reason: REASON },
        { path: 'receiver.segmentRetentionDays', environments: ['staging'], reason: REASON },
      ],
      { lanes: { main: ['dev', 'production'] } },
    );
    expect(await problemsOf(shaped)).toEqual([
      `${FILE}: lanes: places no lane for "staging": every environment belongs to one lane (add it to the lane it is promoted in, or give it a lane of its own) [rule: promotion-lane-missing]`,
      `${FILE}: intendedDifferences[0].path = "receiver.segmentRetentionDay": is not a field of the environment file; did you mean \`receiver.segmentRetentionDays\`? [rule: promotion-path]`,
      `${FILE}: intendedDifferences[1].path = "receiver.bucketName": is a per-environment field: it is never promoted, so it needs no declared difference [rule: promotion-path]`,
      `${FILE}: intendedDifferences[2].environments[0] = "prod": is not an environment (did you mean "production"?); known: dev, production, staging [rule: promotion-known-environment]`,
      `${FILE}: intendedDifferences[3].between = ["staging","staging"]: names two different environments [rule: promotion-scope]`,
      `${FILE}: intendedDifferences[4].path = "campaign.dataSources[\\"Loyalty ID\\"]": names a data source that no environment has; labels: "Recipient - Visitor ID (Defaultdatasources)", "Globex CRM ID" [rule: promotion-path]`,
      `${FILE}: intendedDifferences[5].path = "campaign.dataSources[]": name the data source by its label, e.g. \`campaign.dataSources["Globex CRM ID"]\` [rule: promotion-path]`,
      `${FILE}: intendedDifferences[6].path = "receiver..prefix": is not a setting path: write it as the field reference does (\`receiver.segmentRetentionDays\`), with a data source by its label (\`campaign.dataSources["Globex CRM ID"].alias\`) [rule: promotion-path]`,
      `${FILE}: intendedDifferences[8] = "receiver.segmentRetentionDays": declares again what \`intendedDifferences[7]\` declares; keep one entry per setting and environment [rule: promotion-duplicate]`,
    ]);
  });

  it('reports invalid JSON with the file name', async () => {
    const project = exampleProject();
    writeFileSync(join(environmentsOf(project), PROMOTION_FILE), '{ "intendedDifferences": [ }');
    expect((await problemsOf(project))[0]).toMatch(
      /^environments\/_promotion\.json: is not valid JSON at line 1, column 28 \(near `.*`\): a value was expected \[rule: json-syntax\]$/,
    );
  });

  it('reports stale entries: declared differences that no longer differ', async () => {
    const project = exampleProject();
    expect((await loadWorkspace(environmentsOf(project), project)).stale).toEqual([]);

    edit(project, 'dev', (f) => delete f.receiver.forceDestroy);
    edit(project, 'staging', (f) => (f.request.recipient = 'support@globex.example'));
    edit(project, 'production', (f) => (f.request.recipient = 'support@globex.example'));
    edit(project, '_promotion', (f) =>
      f.intendedDifferences.push({ path: 'request.recipient', between: ['staging', 'production'], reason: REASON }),
    );
    const stale = (await loadWorkspace(environmentsOf(project), project)).stale;
    expect(stale.map((s) => [s.entry.at, s.environment, s.value])).toEqual([
      ['intendedDifferences[4]', 'dev', false],
      ['intendedDifferences[10]', undefined, 'support@globex.example'],
    ]);
  });
});
