import { App, TerraformStack } from 'cdktf';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentStack } from '../../../stacks/environment-stack';
import { validEnvironmentFile } from '../../support/arbitraries';
import { environment } from '../../support/environment';
import { PROJECT_DIR } from '../../support/run';
import { tempDir } from '../../support/temp';

/** `cdk.tf.json` of one environment's stack, optionally after cdktf's own preparing pass. */
function synthesized(file: Record<string, any>, withCdktfPreparingPass: boolean): string {
  const outdir = tempDir();
  const app = new App({ outdir, skipValidation: true });
  const stack = new EnvironmentStack(app, { environment: environment(file, 'prepared'), projectDir: '/project' });
  if (withCdktfPreparingPass) TerraformStack.prototype.prepareStack.call(stack);
  app.synth();
  return readFileSync(join(outdir, 'stacks', 'prepared', 'cdk.tf.json'), 'utf8');
}

describe("skipping cdktf's preparing pass", () => {
  const examples = readdirSync(join(PROJECT_DIR, 'environments')).map((f) =>
    JSON.parse(readFileSync(join(PROJECT_DIR, 'environments', f), 'utf8')),
  );
  const sample = fc.sample(validEnvironmentFile, { numRuns: 25, seed: 11 });

  it.each([...examples, ...sample].map((file, i) => [i, file]))(
    'changes nothing in the synthesized Terraform (environment %i)',
    (_i, file) => {
      expect(synthesized(file, false)).toBe(synthesized(file, true));
    },
  );
});
