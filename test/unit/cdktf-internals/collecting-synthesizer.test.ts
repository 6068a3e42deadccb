import { App } from 'cdktf';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CollectingSynthesizer, type StackFiles } from '../../../cdktf-internals/collecting-synthesizer';
import type { InstalledCore } from '../../../cdktf-internals/installed-core';
import { EnvironmentStack } from '../../../stacks/environment-stack';
import { environment, validFile } from '../../support/environment';
import { tempDir } from '../../support/temp';

type Synthesized = { stack: Record<string, string>; manifest: unknown };

/** Every file under `dir`, by path relative to it. */
function filesUnder(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

/**
 * One environment's stack synthesized by `app.synth()`, with the core's own synthesizer (which
 * writes into the stack folder) or with the collecting one (what it collected).
 */
async function synthesized(collecting: false | { core?: InstalledCore }): Promise<Synthesized> {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true, stackTraces: false });
  const stack = new EnvironmentStack(app, { environment: await environment(validFile()), projectDir: '/project' });
  let collected: StackFiles | undefined;
  if (collecting !== false) {
    stack.synthesizer = new CollectingSynthesizer(stack, (_name, files) => (collected = files), collecting.core);
  }
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  return {
    stack: collected === undefined ? filesUnder(join(outdir, 'stacks', 'test')) : Object.fromEntries(collected),
    manifest,
  };
}

describe('the collecting synthesizer', () => {
  afterEach(() => {
    delete process.env.SYNTH_HCL_OUTPUT;
  });

  it("collects exactly the files the core's own synthesizer writes, and the same manifest", async () => {
    const own = await synthesized(false);
    expect(Object.keys(own.stack)).toEqual(['cdk.tf.json']);
    expect(await synthesized({})).toEqual(own);
  });

  it('does the same for HCL output (the --hcl flag), metadata file and all', async () => {
    process.env.SYNTH_HCL_OUTPUT = 'true';
    const own = await synthesized(false);
    expect(Object.keys(own.stack).sort()).toEqual(['cdk.tf', 'metadata.json']);
    expect(await synthesized({})).toEqual(own);
  });

  it("on a core it does not know, lets the core's own synthesizer write the files and collects those, with a notice", async () => {
    const own = await synthesized(false);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const unknown = { name: 'cdktf', version: '0.22.0', known: undefined };
      expect(await synthesized({ core: unknown })).toEqual(own);
      expect(stderr.mock.calls.map(([line]) => line)).toEqual([
        "note: collecting synthesizer: its synthesizer is not known on cdktf 0.22.0; using cdktf's own behaviour (see cdktf-internals/README.md)\n",
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
