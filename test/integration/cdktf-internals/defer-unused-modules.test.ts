import { join } from 'node:path';
import { installedCore } from '../../../cdktf-internals/installed-core';
import { PROJECT_DIR, run } from '../../support/run';
import { expectExit } from '../../support/terraform';

jest.setTimeout(120_000);

beforeAll(() => expectExit(run('npm', ['run', '--silent', 'build']), 0));

/** Runs `script` in a fresh Node process, after loading the stand-ins first as the app does, or not. */
const node = (script: string, standIns = true) =>
  run(process.execPath, [
    '-e',
    `${standIns ? `require(${JSON.stringify(join(PROJECT_DIR, 'dist', 'cdktf-internals', 'defer-unused-modules.js'))});` : ''}\n${script}`,
  ]);

/** How many modules of archiver (cdktf 0.21's zip library) and of zod's foreign locales loading cdktf and zod loads. */
const LOADED = `
  require('cdktf'); require('zod');
  const loaded = Object.keys(require.cache);
  console.log(JSON.stringify({
    archiver: loaded.filter((p) => p.includes('/node_modules/archiver/')).length,
    locales: loaded.filter((p) => /zod\\/v4\\/locales\\/(?!en|index)/.test(p)).length,
  }));`;

describe(`modules the app defers (on ${installedCore().name} ${installedCore().version})`, () => {
  it('are not loaded by loading the core and zod, and the deferral knows this core (no notice)', () => {
    const withoutStandIns = node(LOADED, false);
    const deferred = node(LOADED);
    expectExit(withoutStandIns, 0);
    expectExit(deferred, 0);
    expect(deferred.stderr).toBe('');
    const without = JSON.parse(withoutStandIns.stdout);
    // Without the stand-ins the modules do load: what this test looks for is there to find.
    expect(without.locales).toBeGreaterThan(0);
    // cdktf 0.21 loads archiver up front (the one entry left is the stand-in); cdktn zips with fflate.
    if (installedCore().known === 'cdktf-0.21') {
      expect(without.archiver).toBeGreaterThan(1);
      expect(JSON.parse(deferred.stdout)).toEqual({ archiver: 1, locales: 0 });
    } else {
      expect(without.archiver).toBe(0);
      expect(JSON.parse(deferred.stdout)).toEqual({ archiver: 0, locales: 0 });
    }
  });

  it('work as the real ones the moment something uses them', () => {
    // archiver only on cdktf 0.21: cdktn neither loads nor needs it (another package may bring it).
    const zips = installedCore().known === 'cdktf-0.21';
    const result = node(`
      const z = require('zod');
      z.config(z.locales.de());
      const archiver = ${zips} && require(require.resolve('archiver', { paths: [require('path').dirname(require.resolve('cdktf/package.json'))] }));
      console.log(JSON.stringify({ zip: archiver ? typeof archiver('zip').pipe : 'not used', message: z.string().safeParse(1).error.issues[0].message }));`);
    expectExit(result, 0);
    expect(JSON.parse(result.stdout)).toEqual({
      zip: zips ? 'function' : 'not used',
      message: 'Ungültige Eingabe: erwartet string, erhalten Zahl',
    });
  });
});
