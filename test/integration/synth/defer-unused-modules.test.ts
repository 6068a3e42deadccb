import { join } from 'node:path';
import { PROJECT_DIR, run } from '../../support/run';
import { expectExit } from '../../support/terraform';

jest.setTimeout(120_000);

beforeAll(() => expectExit(run('npm', ['run', '--silent', 'build']), 0));

/** Runs `script` in a fresh Node process that loaded the stand-ins first, as the app does. */
const afterStandIns = (script: string) =>
  run(process.execPath, [
    '-e',
    `require(${JSON.stringify(join(PROJECT_DIR, 'dist', 'synth', 'defer-unused-modules.js'))});\n${script}`,
  ]);

describe('modules the app defers', () => {
  it('are not loaded by loading cdktf and zod', () => {
    const result = afterStandIns(`
      require('cdktf'); require('zod');
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({
        archiver: loaded.filter((p) => p.includes('/node_modules/archiver/')).length,
        locales: loaded.filter((p) => /zod\\/v4\\/locales\\/(?!en|index)/.test(p)).length,
      }));`);
    expectExit(result, 0);
    // The one archiver entry is the stand-in itself.
    expect(JSON.parse(result.stdout)).toEqual({ archiver: 1, locales: 0 });
  });

  it('work as the real ones the moment something uses them', () => {
    const result = afterStandIns(`
      const archiver = require(require.resolve('archiver', { paths: [require('path').dirname(require.resolve('cdktf/package.json'))] }));
      const zip = archiver('zip');
      const z = require('zod');
      z.config(z.locales.de());
      console.log(JSON.stringify({ zip: typeof zip.pipe, message: z.string().safeParse(1).error.issues[0].message }));`);
    expectExit(result, 0);
    expect(JSON.parse(result.stdout)).toEqual({
      zip: 'function',
      message: 'Ungültige Eingabe: erwartet string, erhalten Zahl',
    });
  });
});
