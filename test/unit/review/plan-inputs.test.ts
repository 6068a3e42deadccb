import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { planChanges } from '../../../review';
import { ReviewInputError } from '../../../review/errors';
import { tempDir } from '../../support/temp';
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
      'produce it with `npm run plan -- <environment> --json-plan <file>` (a new file outside the project, or one git ignores)';
    expect(error('{ not json')).toBe(`plan.json is not valid JSON at line 1, column 3: unexpected character; ${how}`);
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

describe('plan mode: hostile or corrupted plan files get one clear line, never a crash or a quote', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY';

  it('refuses nesting deeper than any plan, at its line and column', () => {
    expect(error(`{"resource_changes": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`)).toMatch(
      /^plan\.json nests arrays and objects more than 128 levels deep \(at line 1, column 149\), more than any valid file does; produce it with `npm run plan/,
    );
  });

  it('never quotes the text around a syntax error: a corrupted plan may cut through a secret', () => {
    const message = error(`{"prior_state": {"secret": "${SECRET}" "x": 1}}`);
    expect(message).toMatch(/^plan\.json is not valid JSON at line 1, column \d+: a comma was expected; /);
    expect(message).not.toContain(SECRET.slice(0, 6));
  });

  it('does not open a FIFO given as a plan (it would block)', () => {
    const fifo = join(tempDir(), 'plan.json');
    execFileSync('mkfifo', [fifo]);
    const { projectDir } = planFile(plan([]));
    expect(() => planChanges(projectDir, [{ environment: 'test', file: fifo }])).toThrow(
      `cannot read plan file ${fifo}: not a regular file`,
    );
  });

  it('fuzz: deep, wide, huge and odd inputs end in a ReviewInputError or a report, nothing else', () => {
    const hostile = fc.oneof(
      fc.integer({ min: 1, max: 3000 }).map((n) => `{"resource_changes": ${'['.repeat(n)}${']'.repeat(n)}}`),
      fc
        .integer({ min: 1, max: 3000 })
        .map((n) => `{"format_version": "1.2", "planned_values": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.jsonValue({ maxDepth: 30 }).map((v) => JSON.stringify({ format_version: '1.2', resource_changes: [v] })),
      fc.jsonValue({ maxDepth: 30 }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        const { projectDir, file } = planFile(text);
        try {
          planChanges(projectDir, [{ environment: 'test', file }]);
        } catch (e) {
          expect(e).toBeInstanceOf(ReviewInputError);
          expect((e as Error).message).not.toMatch(/RangeError|Maximum call stack/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
