import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR, run } from '../../support/run';
import { tempDir } from '../../support/temp';

const useCdktn = (...args: string[]) => run(process.execPath, [join(PROJECT_DIR, 'scripts', 'use-cdktn.mjs'), ...args]);

/**
 * The project's package.json as shipped (on cdktf 0.21). In an install switched to cdktn (as CI's
 * second run is), the script's --undo makes it; the test below proves that gives it byte for byte.
 */
const SHIPPED = (() => {
  const dir = tempDir();
  copyFileSync(join(PROJECT_DIR, 'package.json'), join(dir, 'package.json'));
  if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.cdktf !== '0.21.0') {
    const undone = useCdktn('--undo', dir);
    if (undone.status !== 0) throw new Error(`cannot make the shipped package.json:\n${undone.stderr}`);
  }
  return readFileSync(join(dir, 'package.json'), 'utf8');
})();

/** A folder holding the project's package.json as shipped. */
function checkout(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'package.json'), SHIPPED);
  return dir;
}
const packageIn = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

describe('scripts/use-cdktn.mjs', () => {
  it('switches the core to cdktn 0.24 and the constructs it needs, adds the override, and changes nothing else', () => {
    const dir = checkout();
    const result = useCdktn('--cli', 'cdktf', dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('switched to cdktn 0.24.0');
    expect(result.stdout).toContain('npm install --legacy-peer-deps');
    const shipped = JSON.parse(SHIPPED);
    expect(packageIn(dir)).toEqual({
      ...shipped,
      dependencies: { ...shipped.dependencies, cdktf: 'npm:cdktn@0.24.0', constructs: '10.7.2' },
      overrides: { cdktf: '$cdktf' },
    });
    // In place: every other line is where it was.
    const changed = readFileSync(join(dir, 'package.json'), 'utf8').split('\n');
    const before = SHIPPED.split('\n');
    expect(changed.filter((line) => !before.includes(line))).toEqual([
      '    "cdktf": "npm:cdktn@0.24.0",',
      '    "constructs": "10.7.2",',
      '  "overrides": {',
      '    "cdktf": "$cdktf"',
    ]);
  });

  it("with --cli cdktn, puts cdktn's CLI where cdktf's was; --undo restores the shipped file byte for byte", () => {
    const dir = checkout();
    expect(useCdktn('--cli', 'cdktn', dir).status).toBe(0);
    const devDependencies = Object.keys(packageIn(dir).devDependencies);
    expect(devDependencies).toEqual(
      Object.keys(JSON.parse(SHIPPED).devDependencies).map((name) => name.replace('cdktf-cli', 'cdktn-cli')),
    );
    expect(packageIn(dir).devDependencies['cdktn-cli']).toBe('0.24.0');
    const undone = useCdktn('--undo', dir);
    expect(undone.status).toBe(0);
    expect(undone.stdout).toContain('switched to cdktf 0.21.0; now run: npm install');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(SHIPPED);
  });

  it('says so and changes nothing when the folder is switched already', () => {
    const dir = checkout();
    useCdktn('--cli', 'cdktf', dir);
    const switched = readFileSync(join(dir, 'package.json'), 'utf8');
    const again = useCdktn('--cli', 'cdktf', dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already on cdktn 0.24.0; nothing changed');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(switched);
  });

  it('leaves a package.json it does not know alone, naming what differs (exit 1)', () => {
    const dir = checkout();
    const edited = SHIPPED.replace('"constructs": "10.4.2"', '"constructs": "10.5.0"');
    writeFileSync(join(dir, 'package.json'), edited);
    const result = useCdktn(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('dependencies: expected "constructs": "10.4.2", found "10.5.0"');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(edited);
  });

  it('prints its usage with --help (exit 0) and refuses unknown arguments (exit 2)', () => {
    expect(useCdktn('--help')).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('usage: node scripts/use-cdktn.mjs'),
    });
    const wrong = useCdktn('--cli', 'terraform');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unexpected arguments: --cli terraform');
  });
});
