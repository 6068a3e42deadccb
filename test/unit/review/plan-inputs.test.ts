import { planChanges } from '../../../review';
import { plan, planFile } from './plan-support';

const error = (contents: unknown, environment = 'test') => {
  const { projectDir, file } = planFile(contents);
  try {
    planChanges(projectDir, [{ environment, file }]);
  } catch (e) {
    return (e as Error).message.split(file).join('plan.json');
  }
  throw new Error('expected an error');
};

describe('plan mode: clear errors for input that is not a plan of a known environment', () => {
  it('names an unknown environment and lists the known ones', () => {
    expect(error(plan([]), 'prod')).toMatch(
      /^no environment named "prod"; known: test \(given with --plan prod=.*plan\.json\)$/,
    );
  });

  it('refuses the same environment twice', () => {
    const { projectDir, file } = planFile(plan([]));
    expect(() =>
      planChanges(projectDir, [
        { environment: 'test', file },
        { environment: 'test', file },
      ]),
    ).toThrow('--plan names environment "test" twice');
  });

  it('says when the file is missing', () => {
    const { projectDir } = planFile(plan([]));
    expect(() => planChanges(projectDir, [{ environment: 'test', file: '/nowhere/plan.json' }])).toThrow(
      'cannot read plan file /nowhere/plan.json: no such file',
    );
  });

  it('says how to convert a binary plan', () => {
    expect(error('PK\u0003\u0004binary')).toBe(
      'plan.json is a binary Terraform plan; give the review its JSON form: `terraform -chdir=cdktf.out/stacks/<environment> show -json <plan file> > plan.json`',
    );
  });

  it('says when the file is not JSON, state rather than a plan, or not shaped like a plan', () => {
    const how =
      'produce it with `terraform -chdir=cdktf.out/stacks/<environment> show -json plan > plan.json` after `npm run plan -- <environment>`';
    expect(error('{ not json')).toMatch(
      new RegExp(`^plan\\.json is not valid JSON \\(.+\\); ${how.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}$`),
    );
    expect(error({ format_version: '1.0', values: { root_module: {} } })).toBe(
      `plan.json is Terraform state, not a plan; ${how}`,
    );
    expect(
      error({
        format_version: '1.2',
        resource_changes: [{ address: 'a.b', type: 'a', change: { actions: 'create' } }],
      }),
    ).toBe(
      `plan.json is not a Terraform JSON plan (resource_changes[0].change.actions: Invalid input: expected array, received string); ${how}`,
    );
  });
});
