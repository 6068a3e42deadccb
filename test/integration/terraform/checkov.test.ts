import { join } from 'node:path';
import { synthesize } from '../../../synth/synthesize';
import { type CheckovFinding, readExceptions, scanStacks } from '../../support/checkov';
import { EXAMPLES_DIR } from '../../support/examples';
import { tempDir } from '../../support/temp';

jest.setTimeout(300_000);

const excepted = (f: CheckovFinding) => (e: { check: string; resource: string; stacks: string[] }) =>
  e.check === f.check && e.resource === f.resource && e.stacks.includes(f.stack);

describe('checkov on every synthesized example stack', () => {
  const work = tempDir();
  const exceptions = readExceptions();
  let passed: number;
  let findings: CheckovFinding[];
  let unexpected: CheckovFinding[];
  beforeAll(async () => {
    await synthesize({ environmentsDir: EXAMPLES_DIR, outdir: join(work, 'cdktf.out'), projectDir: work });
    ({ passed, findings } = scanStacks(join(work, 'cdktf.out', 'stacks')));
    unexpected = findings.filter((f) => !exceptions.some(excepted(f)));
  });

  afterAll(() => {
    console.log(
      `checkov: ${passed} checks passed, ${findings.length} failed, of which ${findings.length - unexpected.length} excepted in policy/checkov-exceptions.json`,
    );
  });

  it('finds nothing outside the reviewed exceptions', () => {
    expect(unexpected.map((f) => `${f.stack}: ${f.check} ${f.resource} (${f.name})`)).toEqual([]);
  });

  it('has no stale exception: every entry still matches a finding in each stack it names', () => {
    const stale = exceptions.flatMap((e) =>
      e.stacks
        .filter((stack) => !findings.some((f) => f.check === e.check && f.resource === e.resource && f.stack === stack))
        .map((stack) => `${e.check} ${e.resource} in ${stack}`),
    );
    expect(stale).toEqual([]);
  });

  it('gives every exception a real reason', () => {
    for (const e of exceptions) expect(e.reason.length).toBeGreaterThanOrEqual(40);
  });

  it('actually ran the checks', () => {
    expect(passed).toBeGreaterThan(50);
  });
});
