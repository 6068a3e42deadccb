import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../../../config/environment';
import { synthesize } from '../../../synth/synthesize';
import { startMoto } from '../../../emulator/moto';
import { EXAMPLES_DIR, exampleNames, loadExamples } from '../../support/examples';
import { emulatorAwsEnv, expectExit, terraform } from '../../support/terraform';
import { tempDir } from '../../support/temp';

jest.setTimeout(300_000);

/**
 * Every shipped example goes through real `terraform init`, `validate` and `plan`. The plan runs
 * against moto (reporting the example's own account, so the account guard is exercised), with a
 * local-state override so no example's real backend is touched.
 */
describe('shipped examples under real Terraform', () => {
  const work = tempDir();
  let examples: Environment[];
  beforeAll(async () => {
    examples = await loadExamples();
    await synthesize({ environmentsDir: EXAMPLES_DIR, outdir: join(work, 'cdktf.out'), projectDir: work });
  });

  it.each(exampleNames())('%s: init, validate and plan succeed', async (name) => {
    const env = examples.find((e) => e.name === name)!;
    const dir = join(work, 'cdktf.out', 'stacks', name);
    writeFileSync(
      join(dir, 'backend_override.tf.json'),
      JSON.stringify({ terraform: { backend: { local: { path: join(work, `${name}.tfstate`) } } } }),
    );

    expectExit(terraform(dir, ['init', '-input=false']), 0);
    const validate = terraform(dir, ['validate', '-json']);
    expectExit(validate, 0);
    expect(JSON.parse(validate.stdout)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });

    const moto = await startMoto({ accountId: env.aws.accountId });
    try {
      const plan = terraform(
        dir,
        ['plan', '-input=false', '-lock=false', '-detailed-exitcode'],
        emulatorAwsEnv(moto.endpoint, env.aws.region),
      );
      expectExit(plan, 2);
      expect(plan.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    } finally {
      await moto.stop();
    }
  });
});
