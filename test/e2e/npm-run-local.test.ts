import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { descendantsOf } from '../support/kill-terraform';
import { PROJECT_DIR, run, startProcess } from '../support/run';

jest.setTimeout(900_000);

/** Processes anywhere on the machine that belong to a local run: its moto, or a Terraform in its folder. */
function leftOver(environment: string, port: string): string[] {
  const folder = join(PROJECT_DIR, '.cache', 'local', environment);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        const ours =
          argv.includes(folder) || cwd.startsWith(folder) || argv.includes(`moto_server -H 127.0.0.1 -p ${port}`);
        return ours ? [`${pid}: ${argv}`] : [];
      } catch {
        return [];
      }
    });
}

const portOf = (output: string) => /moto on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? 'none';

const emulatorAnswers = (port: string) =>
  fetch(`http://127.0.0.1:${port}/moto-api/data.json`).then(
    () => true,
    () => false,
  );

/** Issue 9: the main job without an AWS account, as a new user runs it. */
describe('npm run local', () => {
  it('deploys an emulator copy of dev, checks it, prints what matters, and leaves nothing behind', async () => {
    const example = join(PROJECT_DIR, 'environments', 'dev.json');
    const before = readFileSync(example, 'utf8');

    const result = run('npm', ['run', '--silent', 'local']);
    const printed = result.stdout + result.stderr;
    if (result.status !== 0) throw new Error(`npm run local failed:\n${printed}`);

    const steps = printed.split('\n').filter((line) => /^[✓✗] \d\/6 /.test(line));
    expect(steps.map((line) => line.replace(/:.*\((\d+\.\d) s\)$/, ''))).toEqual([
      '✓ 1/6 start the AWS emulator',
      '✓ 2/6 derive an emulator copy of dev',
      '✓ 3/6 deploy (cdktf deploy, then a plan that must be empty)',
      '✓ 4/6 connection check with the issued key',
      '✓ 5/6 outputs and documents',
      '✓ 6/6 destroy and stop the emulator',
    ]);
    expect(steps.every((line) => / \(\d+\.\d s\)$/.test(line))).toBe(true);
    expect(printed).toMatch(/3\/6 deploy .*: 20 resources; the plan after apply shows no changes/);
    expect(printed).toMatch(
      /4\/6 connection check .*: write, list, read, delete under s3:\/\/globex-campaign-aam-dev\/campaign-aam\/import\//,
    );
    expect(printed).toMatch(/^ {2}receiver_bucket +globex-campaign-aam-dev$/m);
    expect(printed).toMatch(
      /^ {2}import_receiver_server +globex-campaign-aam-dev\.s3\.amazonaws\.com\/campaign-aam\/import$/m,
    );
    expect(printed).toContain('  .cache/local/dev/cdktf.out/stacks/dev/handoff/provisioning-request.eml');
    expect(printed).toContain('  .cache/local/dev/cdktf.out/stacks/dev/handoff/campaign-setup.md');
    expect(printed).toContain('npm run deploy -- dev');
    // No secret: no sensitive output, nothing shaped like a secret access key (40 characters).
    expect(printed).not.toContain('secret_access_key');
    expect(printed).not.toMatch(/(^|[^A-Za-z0-9/+])[A-Za-z0-9/+]{40}([^A-Za-z0-9/+=]|$)/m);

    expect(leftOver('dev', portOf(printed))).toEqual([]);
    expect(await emulatorAnswers(portOf(printed))).toBe(false);
    expect(readFileSync(example, 'utf8')).toBe(before);
    expect(readdirSync(join(PROJECT_DIR, '.cache', 'local', 'dev')).filter((f) => f.includes('tfstate'))).toEqual([]);
  });

  it('on Ctrl-C mid-deploy, stops Terraform and the emulator and leaves nothing running', async () => {
    // Another example (staging: an access-log bucket, an account ID) and its own cache folder.
    const local = startProcess('npm', ['run', '--silent', 'local', '--', 'staging'], { ownGroup: true });
    const deadline = Date.now() + 300_000;
    while (!descendantsOf(local.pid).some((p) => p.argv.includes('apply'))) {
      if (Date.now() > deadline) throw new Error(`no terraform apply started:\n${local.printed()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    process.kill(-local.pid, 'SIGINT'); // what a terminal's Ctrl-C does: the whole foreground group
    const result = await local.result;
    const printed = result.stdout + result.stderr;

    expect(printed).toMatch(/^✓ 2\/6 derive an emulator copy of staging: .*account 123456789012/m);
    expect(printed).toContain('SIGINT during 3/6 deploy');
    expect(printed).toContain('Stopped. Log: .cache/local/staging/local.log');
    expect(result.status).not.toBe(0);
    expect(leftOver('staging', portOf(printed))).toEqual([]);
    expect(await emulatorAnswers(portOf(printed))).toBe(false);
  });
});
