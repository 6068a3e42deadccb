import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validEnvironmentFile } from '../../support/arbitraries';
import { synthStack } from '../../support/environment';
import { tempDir } from '../../support/temp';
import { expectExit, terraform } from '../../support/terraform';

jest.setTimeout(300_000);

describe('a sample of generated valid environments under terraform validate', () => {
  const samples = fc.sample(validEnvironmentFile, { numRuns: 6, seed: 20261128 });
  const dir = join(tempDir(), 'validate');
  mkdirSync(dir);

  beforeAll(async () => {
    writeFileSync(join(dir, 'cdk.tf.json'), await synthStack(samples[0], 'fuzz'));
    expectExit(terraform(dir, ['init', '-backend=false', '-input=false']), 0);
  });

  it.each(samples.map((file, i) => [i, file] as const))('sample %i is valid Terraform', async (_i, file) => {
    writeFileSync(join(dir, 'cdk.tf.json'), await synthStack(file, 'fuzz'));
    const result = terraform(dir, ['validate', '-json']);
    expectExit(result, 0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, error_count: 0 });
  });
});
