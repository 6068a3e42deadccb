import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../../synth/synthesize';
import { fileWith, validFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

/** A project with one environment `alpha`, synthesized once. */
async function synthesizedProject() {
  const project = tempDir();
  const outdir = join(project, 'cdktf.out');
  const dir = environmentsDir({ alpha: validFile() }, project);
  const run = async () => await synthesize({ environmentsDir: dir, outdir, projectDir: project });
  await run();
  const stackDir = join(outdir, 'stacks', 'alpha');
  const rewrite = (change: (file: Record<string, any>) => void) =>
    writeFileSync(join(dir, 'alpha.json'), JSON.stringify(fileWith(change)));
  return { project, outdir, stackDir, run, rewrite };
}

describe('writing into the output folder', () => {
  it('keeps what Terraform and the user keep in a stack folder: .terraform, the lock file, a saved plan', async () => {
    const { stackDir, run, rewrite } = await synthesizedProject();
    mkdirSync(join(stackDir, '.terraform', 'providers'), { recursive: true });
    writeFileSync(join(stackDir, '.terraform', 'providers', 'marker'), 'provider');
    writeFileSync(join(stackDir, '.terraform.lock.hcl'), 'lock');
    writeFileSync(join(stackDir, 'plan'), 'saved plan');

    rewrite((f) => (f.campaign.dataSources[0].aamDestinationId = '999999'));
    await run();

    expect(readFileSync(join(stackDir, '.terraform', 'providers', 'marker'), 'utf8')).toBe('provider');
    expect(readFileSync(join(stackDir, '.terraform.lock.hcl'), 'utf8')).toBe('lock');
    expect(readFileSync(join(stackDir, 'plan'), 'utf8')).toBe('saved plan');
    expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).toContain('"aamDestinationId": "999999"');
  });

  it('replaces changed files and leaves unchanged ones untouched', async () => {
    const { stackDir, run, rewrite } = await synthesizedProject();
    const config = join(stackDir, 'cdk.tf.json');
    const email = join(stackDir, 'handoff', 'provisioning-request.eml');
    const before = { config: statSync(config), email: statSync(email) };

    rewrite((f) => (f.campaign.dataSources[0].aamDestinationId = '999999'));
    await run();

    // The email does not mention destination IDs; the configuration records them.
    expect(statSync(email).ino).toBe(before.email.ino);
    expect(statSync(email).mtimeMs).toBe(before.email.mtimeMs);
    expect(statSync(config).ino).not.toBe(before.config.ino);
    expect(readdirSync(stackDir).filter((f) => f.endsWith('.next'))).toEqual([]);
  });

  it('removes what synth wrote there before and no longer writes', async () => {
    const { project, stackDir, run } = await synthesizedProject();
    writeFileSync(join(stackDir, 'handoff', 'retired-document.md'), 'old');
    writeFileSync(join(stackDir, 'cdk.tf'), '# HCL from an earlier `cdktf synth --hcl`');

    await run();

    expect(readdirSync(stackDir).sort()).toEqual(['cdk.tf.json', 'handoff']);
    expect(readdirSync(join(stackDir, 'handoff')).sort()).toEqual(['campaign-setup.md', 'provisioning-request.eml']);
    expect(existsSync(join(project, 'cdktf.out', 'manifest.json'))).toBe(true);
  });
});
