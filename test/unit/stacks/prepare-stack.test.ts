import { App, TerraformStack } from 'cdktf';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentStack } from '../../../stacks/environment-stack';
import { validEnvironmentFile } from '../../support/arbitraries';
import { environment } from '../../support/environment';
import { EXAMPLES_DIR, exampleNames } from '../../support/examples';
import { tempDir } from '../../support/temp';

/** `cdk.tf.json` of one environment's stack, optionally after cdktf's own preparing pass. */
async function synthesized(file: Record<string, any>, withCdktfPreparingPass: boolean): Promise<string> {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true });
  const stack = new EnvironmentStack(app, { environment: await environment(file, 'prepared'), projectDir: '/project' });
  if (withCdktfPreparingPass) TerraformStack.prototype.prepareStack.call(stack);
  app.synth();
  return readFileSync(join(outdir, 'stacks', 'prepared', 'cdk.tf.json'), 'utf8');
}

describe("skipping cdktf's preparing pass", () => {
  const examples = exampleNames().map((name) => JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')));
  const sample = fc.sample(validEnvironmentFile, { numRuns: 25, seed: 11 });

  it.each([...examples, ...sample].map((file, i) => [i, file]))(
    'changes nothing in the synthesized Terraform (environment %i)',
    async (_i, file) => {
      expect(await synthesized(file, false)).toBe(await synthesized(file, true));
    },
  );
});
