import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, runCommandSync, startInBackground } from '../../../runtime/processes';
import { terraform, terraformSync, terraformVersionJson } from '../../../runtime/terraform';
import { tempDir } from '../../support/temp';

const sh = (script: string) => ['-c', script];

describe('runCommandSync', () => {
  it('gives status, standard output and standard error apart, and feeds standard input', () => {
    const result = runCommandSync('sh', sh('cat; echo oops >&2; exit 3'), { input: 'hello' });
    expect(result).toMatchObject({ status: 3, stdout: 'hello', stderr: 'oops\n' });
    expect(result.stdoutBytes.equals(Buffer.from('hello'))).toBe(true);
    expect(result.error).toBeUndefined();
  });

  it('says when the command cannot start', () => {
    const result = runCommandSync('campaign-aam-no-such-command', []);
    expect(result.status).toBeNull();
    expect(result.error?.message).toMatch(/ENOENT/);
  });

  it('leaves every file the command creates readable by its owner alone', () => {
    const dir = tempDir();
    runCommandSync('sh', sh('echo secret > made'), { cwd: dir });
    expect(statSync(join(dir, 'made')).mode & 0o777).toBe(0o600);
  });
});

describe('runCommand', () => {
  it('keeps standard output and standard error apart, and both in the interleaved output', async () => {
    const result = await runCommand('sh', sh('echo out; echo err >&2'));
    expect(result).toMatchObject({ status: 0, stdout: 'out\n', stderr: 'err\n' });
    expect(result.output).toContain('out\n');
    expect(result.output).toContain('err\n');
  });

  it('tells onStart the child, in a process group of its own', async () => {
    let group: number | undefined;
    const result = await runCommand('sh', sh('ps -o pgid= -p $$'), {
      onStart: (child) => (group = child.pid),
    });
    expect(Number(result.stdout.trim())).toBe(group);
  });
});

describe('startInBackground', () => {
  it('starts the command as the leader of its own process group', async () => {
    const child = startInBackground('sh', sh('ps -o pgid= -p $$'), { output: 'pipe' });
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await new Promise((resolve) => child.once('close', resolve));
    expect(Number(printed.trim())).toBe(child.pid);
  });
});

describe('the Terraform runner', () => {
  // A stand-in `terraform` first on PATH prints its arguments and the variables it was given.
  const fakeTerraform = () => {
    const bin = tempDir();
    const script = join(bin, 'terraform');
    writeFileSync(
      script,
      '#!/bin/sh\necho "args: $*"\nenv | grep -E "^(CHECKPOINT_DISABLE|TF_IN_AUTOMATION|TF_INPUT|EXTRA)=" | sort\n',
    );
    chmodSync(script, 0o755);
    return { PATH: `${bin}:${process.env.PATH}` };
  };

  it('runs in the stack folder with the Terraform environment, sync or not', async () => {
    const env = { ...fakeTerraform(), EXTRA: 'kept' };
    const expected =
      'args: -chdir=/stacks/dev show -json\nCHECKPOINT_DISABLE=1\nEXTRA=kept\nTF_INPUT=0\nTF_IN_AUTOMATION=1\n';
    expect(terraformSync('/stacks/dev', ['show', '-json'], { env }).stdout).toBe(expected);
    expect((await terraform('/stacks/dev', ['show', '-json'], { env })).stdout).toBe(expected);
  });

  it('runs without -chdir when no stack folder is named', () => {
    expect(terraformSync(undefined, ['version'], { env: fakeTerraform() }).stdout).toMatch(/^args: version\n/);
  });

  it('asks the version without the Terraform environment, which would write .cache/terraform', async () => {
    const path = process.env.PATH;
    process.env.PATH = fakeTerraform().PATH;
    try {
      expect(await terraformVersionJson()).toBe('args: version -json\nCHECKPOINT_DISABLE=1\n');
    } finally {
      process.env.PATH = path;
    }
  });
});
