import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../../config/problems';
import { selectedStacks, StackSelectionError } from '../../../synth/stack-selection';
import { synthesize } from '../../../synth/synthesize';
import { fileWith } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

/** Three distinct environments, synthesized once; `write` changes one file. */
function project() {
  const folder = tempDir();
  const outdir = join(folder, 'cdktf.out');
  const file = (name: string, destination = '100') =>
    fileWith((f) => {
      f.receiver.bucketName = `initech-aam-${name}`;
      f.campaign.dataSources[0].aamDestinationId = destination;
    });
  const dir = environmentsDir({ alpha: file('alpha'), beta: file('beta'), gamma: file('gamma') }, folder);
  const run = (stacks?: string[]) => synthesize({ environmentsDir: dir, outdir, projectDir: folder, stacks });
  run();
  const config = (name: string) => readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8');
  const write = (name: string, contents: unknown) => writeFileSync(join(dir, `${name}.json`), JSON.stringify(contents));
  return { outdir, run, config, write, file };
}

describe('selecting environments', () => {
  it('synthesizes only the selected stack; the others keep their output and stay in the manifest', () => {
    const { outdir, run, config, write, file } = project();
    const betaBefore = config('beta');
    write('alpha', file('alpha', '222'));
    write('beta', file('beta', '333'));

    const results = run(['alpha']);

    expect(results.map((r) => r.name)).toEqual(['alpha']);
    expect(config('alpha')).toContain('"aamDestinationId": "222"');
    expect(config('beta')).toBe(betaBefore);
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('still validates every other file', () => {
    const { run, write, file } = project();
    write('gamma', { ...file('gamma'), aws: { region: 'nowhere' } });
    expect(() => run(['alpha'])).toThrow(
      expect.objectContaining({
        problems: [expect.objectContaining({ file: 'environments/gamma.json', path: 'aws.region' })],
      }),
    );
  });

  it('still applies the rules across files', () => {
    const { run, write, file } = project();
    write('gamma', file('beta'));
    let error: unknown;
    try {
      run(['alpha']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => [p.file, p.rule])).toEqual([
      ['environments/gamma.json', 'unique-bucket-across-environments'],
    ]);
  });

  it('names the known environments when the selection matches none', () => {
    const { run } = project();
    expect(() => run(['alpah'])).toThrow(StackSelectionError);
    expect(() => run(['alpah'])).toThrow(
      'CAMPAIGN_AAM_STACK names "alpah" (did you mean "alpha"?), which is not an environment; known: alpha, beta, gamma',
    );
  });

  it('reads the selection from CAMPAIGN_AAM_STACK: comma-separated, all when unset or empty', () => {
    expect(selectedStacks({ CAMPAIGN_AAM_STACK: ' alpha, beta ,alpha' })).toEqual(['alpha', 'beta']);
    expect(selectedStacks({ CAMPAIGN_AAM_STACK: '' })).toBeUndefined();
    expect(selectedStacks({})).toBeUndefined();
  });
});
