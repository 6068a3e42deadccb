import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../../config/problems';
import { selectedStacks, StackSelectionError } from '../../../synth/stack-selection';
import { synthesize } from '../../../synth/synthesize';
import { distinctFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

/** Three distinct environments, synthesized once; `write` changes one file. */
async function project() {
  const folder = tempDir();
  const outdir = join(folder, 'cdktf.out');
  const file = (name: string, destination?: string) =>
    distinctFile(name, (f) => {
      if (destination !== undefined) f.campaign.dataSources[0].aamDestinationId = destination;
    });
  const dir = environmentsDir({ alpha: file('alpha'), beta: file('beta'), gamma: file('gamma') }, folder);
  const run = (stacks?: string[]) => synthesize({ environmentsDir: dir, outdir, projectDir: folder, stacks });
  await run();
  const config = (name: string) => readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
  const write = (name: string, contents: unknown) => writeFileSync(join(dir, `${name}.json`), JSON.stringify(contents));
  return { outdir, run, config, write, file };
}

describe('selecting environments', () => {
  it('synthesizes only the selected stack; the others keep their output and stay in the manifest', async () => {
    const { outdir, run, config, write, file } = await project();
    const betaBefore = config('beta');
    write('alpha', file('alpha', '222'));
    write('beta', file('beta', '333'));

    const results = await run(['alpha']);

    expect(results.map((r) => r.name)).toEqual(['alpha']);
    expect(config('alpha')).toContain('"aamDestinationId": "222"');
    expect(config('beta')).toBe(betaBefore);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('still validates every other file', async () => {
    const { run, write, file } = await project();
    write('gamma', { ...file('gamma'), aws: { region: 'nowhere' } });
    await expect(run(['alpha'])).rejects.toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ file: 'environments/gamma.json', path: 'aws.region' })],
      }),
    );
  });

  it('still applies the rules across files', async () => {
    const { run, write } = await project();
    write(
      'gamma',
      distinctFile('gamma', (f) => (f.receiver.bucketName = 'initech-campaign-aam-beta')),
    );
    let error: unknown;
    try {
      await run(['alpha']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => [p.file, p.rule])).toEqual([
      ['environments/gamma.json', 'unique-bucket-across-environments'],
    ]);
  });

  it('names the known environments when the selection matches none', async () => {
    const { run } = await project();
    await expect(run(['alpah'])).rejects.toThrow(StackSelectionError);
    await expect(run(['alpah'])).rejects.toThrow(
      'no environment named "alpah" (did you mean "alpha"?); known: alpha, beta, gamma',
    );
  });

  it('reads the selection from CAMPAIGN_AAM_STACK: comma-separated, all when unset or empty', () => {
    expect(selectedStacks({ CAMPAIGN_AAM_STACK: ' alpha, beta ,alpha' })).toEqual(['alpha', 'beta']);
    expect(selectedStacks({ CAMPAIGN_AAM_STACK: '' })).toBeUndefined();
    expect(selectedStacks({})).toBeUndefined();
  });
});
