import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { coreIn, otherCoreInstall } from '../../../cdktf-internals/other-core-install';
import { PROJECT_DIR, run } from '../../support/run';
import { expectExit } from '../../support/terraform';
import { tempDir } from '../../support/temp';

jest.setTimeout(600_000);

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const path = (e: (typeof files)[number]) => join(e.parentPath, e.name);
  return new Map(files.map((e) => [relative(dir, path(e)), readFileSync(path(e), 'utf8')] as const).sort());
}

describe('both cores', () => {
  it('synthesize the shipped examples byte for byte alike, but for the version stamp', () => {
    const installs = [PROJECT_DIR, otherCoreInstall(PROJECT_DIR)];
    expect(installs.map((install) => coreIn(install).name).sort()).toEqual(['cdktf', 'cdktn']);
    // The same project folder, environments and output folder: only the installed app differs.
    const project = tempDir();
    cpSync(join(PROJECT_DIR, 'environments'), join(project, 'environments'), { recursive: true });
    const outputs = installs.map((install) => {
      expectExit(run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: install }), 0);
      const synth = run(process.execPath, [join(install, 'dist', 'main.js')], {
        cwd: project,
        env: { CDKTF_OUTDIR: join(project, 'cdktf.out') },
      });
      expectExit(synth, 0);
      expect(synth.stderr).toBe('');
      const stamp = `"version": "${coreIn(install).version}"`;
      const files = filesUnder(join(project, 'cdktf.out'));
      // The stamp is where the cores put it (the manifest and each stack's metadata), once each.
      const stamped = [...files].filter(([, text]) => text.split(stamp).length === 2).map(([file]) => file);
      expect(stamped).toEqual([...files.keys()].filter((file) => /(^manifest|cdk\.tf)\.json$/.test(file)));
      return new Map([...files].map(([file, text]) => [file, text.replace(stamp, '"version": "<core version>"')]));
    });
    expect(outputs[0].size).toBeGreaterThan(6);
    expect(outputs[1]).toEqual(outputs[0]);
  });
});
