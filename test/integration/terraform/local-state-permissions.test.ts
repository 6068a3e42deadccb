import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileWith } from '../../support/environment';
import { PROJECT_DIR, run } from '../../support/run';
import { expectExit, terraform } from '../../support/terraform';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(300_000);

beforeAll(() => expectExit(run('npm', ['run', '--silent', 'build']), 0));

describe('local state on disk', () => {
  it('stays readable by its owner only, state and backup, through real applies', () => {
    const work = tempDir();
    const state = join(work, 'local.tfstate');
    const write = (information: string) =>
      environmentsDir(
        {
          local: fileWith((f) => {
            // No state and an emulator endpoint nobody listens on: Terraform records the Campaign side offline.
            f.aws.endpoint = 'http://127.0.0.1:9';
            f.request.additionalInformation = information;
            f.backend = { type: 'local', path: state };
          }),
        },
        work,
      );
    // Our cdktf app, as cdktf runs it before every plan and deploy.
    const synth = () =>
      expectExit(
        run(process.execPath, [join(PROJECT_DIR, 'dist', 'main.js')], {
          cwd: work,
          env: { CAMPAIGN_AAM_ENVIRONMENTS: join(work, 'environments'), CDKTF_OUTDIR: join(work, 'cdktf.out') },
        }),
        0,
      );
    const stackDir = join(work, 'cdktf.out', 'stacks', 'local');
    const config = () => JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
    const request = () =>
      `terraform_data.${Object.keys(config().resource.terraform_data).find((k) => k.includes('provisioning-request'))}`;
    const apply = () =>
      expectExit(terraform(stackDir, ['apply', '-input=false', '-auto-approve', `-target=${request()}`]), 0);
    const mode = (file: string) => statSync(file).mode & 0o777;

    write('first');
    synth();
    expect([mode(state), mode(`${state}.backup`)]).toEqual([0o600, 0o600]);
    expectExit(terraform(stackDir, ['init', '-input=false']), 0);
    apply();
    write('second');
    synth();
    apply();

    expect(readFileSync(state, 'utf8')).toContain('second');
    expect(readFileSync(`${state}.backup`, 'utf8')).toContain('first');
    expect([mode(state), mode(`${state}.backup`)]).toEqual([0o600, 0o600]);
  });
});
