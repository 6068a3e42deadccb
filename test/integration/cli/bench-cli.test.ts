import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedCore } from '../../../cdktf-internals/installed-core';
import { run } from '../../support/run';
import { tempDir } from '../../support/temp';

jest.setTimeout(600_000);

const bench = (args: string[]) => run('npm', ['run', '--silent', 'bench', '--', ...args]);
const other = installedCore().name === 'cdktn' ? 'cdktf' : 'cdktn';

describe('npm run bench', () => {
  it('describes --core in its usage (exit 0) and refuses a core it does not know (exit 2)', () => {
    const help = bench(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('[--core cdktf|cdktn]');
    const wrong = bench(['--core', 'pulumi']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--core takes cdktf or cdktn');
  });

  it(`--core ${other} measures the app installed on the other core, and says which core it measured`, () => {
    const out = join(tempDir(), 'figures.json');
    const result = bench(['--core', other, '--sizes', '1', '--runs', '1', '--no-naive', '--no-plan', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`benchmark on ${other} 0\\.2\\d\\.\\d+: 1 environments, 1 runs each`));
    const figures = JSON.parse(readFileSync(out, 'utf8'));
    expect(figures.core.name).toBe(other);
    expect(figures.sizes.map((size: { environments: number }) => size.environments)).toEqual([1]);
    expect(figures.sizes[0].ours.medianSeconds).toBeGreaterThan(0);
  });
});
