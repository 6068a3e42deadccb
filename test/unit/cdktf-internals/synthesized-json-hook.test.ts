import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CollectingSynthesizer } from '../../../cdktf-internals/collecting-synthesizer';
import type { InstalledCore } from '../../../cdktf-internals/installed-core';
import { inspectSynthesizedJson, type TerraformJson } from '../../../cdktf-internals/synthesized-json-hook';
import { tempDir } from '../../support/temp';

/**
 * A stack inspected at synth, synthesized by the core's own synthesizer or the collecting one:
 * how often the stack was resolved, what was inspected and what was written.
 */
function synthesizeInspected(options: { collecting: boolean; core?: InstalledCore }) {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, 'inspected');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  new S3Bucket(stack, 'bucket', { bucket: 'initech-aam' });
  let collected: string | undefined;
  if (options.collecting) {
    stack.synthesizer = new CollectingSynthesizer(stack, (_n, files) => (collected = files.get('cdk.tf.json')));
  }
  const inspected: TerraformJson[] = [];
  inspectSynthesizedJson(stack, (json) => inspected.push(json), options.core);
  const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
  try {
    app.synth();
    const written = collected ?? readFileSync(join(outdir, 'stacks', 'inspected', 'cdk.tf.json'), 'utf8');
    return { resolved: resolve.mock.calls.length, inspected, written: JSON.parse(written) as TerraformJson };
  } finally {
    resolve.mockRestore();
  }
}

describe('the JSON inspected at synth', () => {
  it.each([false, true])(
    'is resolved once and lent to the synthesizer that writes it (collecting: %s)',
    (collecting) => {
      const { resolved, inspected, written } = synthesizeInspected({ collecting });
      expect(resolved).toBe(1);
      expect(inspected).toHaveLength(1);
      expect(JSON.parse(JSON.stringify(inspected[0]))).toEqual(written);
    },
  );

  it('is not lent on a core it does not know: the synthesizer resolves the stack itself, with a notice', () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const unknown = { name: 'cdktn', version: '1.0.0', known: undefined };
      const { resolved, written, inspected } = synthesizeInspected({ collecting: false, core: unknown });
      expect(resolved).toBe(2);
      expect(JSON.parse(JSON.stringify(inspected[0]))).toEqual(written);
      expect(stderr.mock.calls.map(([line]) => line)).toEqual([
        "note: toTerraform lending: its synthesizer is not known to resolve the stack next on cdktn 1.0.0; using cdktn's own behaviour (see cdktf-internals/README.md)\n",
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
