import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreCli } from '../../../cdktf-internals/core-cli';
import { fileWith, validFile } from '../../support/environment';
import { PROJECT_DIR, run } from '../../support/run';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(240_000);

const cdktfSynth = (outdir: string, env: Record<string, string> = {}) =>
  run(coreCli(PROJECT_DIR).bin, ['synth', '--output', outdir], { env });

describe('cdktf synth (the real CLI)', () => {
  it('synthesizes the shipped examples and says where stacks and documents went', () => {
    const outdir = join(tempDir(), 'out');
    const result = cdktfSynth(outdir);
    expect(result.status).toBe(0);
    for (const name of ['dev', 'staging', 'production']) {
      expect(result.stdout).toContain(`${name}: stack and handoff documents in ${join(outdir, 'stacks', name)}`);
      expect(existsSync(join(outdir, 'stacks', name, 'cdk.tf.json'))).toBe(true);
      expect(existsSync(join(outdir, 'stacks', name, 'handoff', 'campaign-setup.md'))).toBe(true);
    }
  });

  it('exits non-zero, lists every problem and writes nothing for an invalid environment', () => {
    const project = tempDir();
    const dir = environmentsDir(
      {
        ok: validFile(),
        broken: fileWith((f) => {
          f.receiver.bucketName = 'bad.bucket';
          f.receiver.bucket = 'typo';
        }),
      },
      project,
    );
    const outdir = join(project, 'out');
    const result = cdktfSynth(outdir, { CAMPAIGN_AAM_ENVIRONMENTS: dir });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('problems in 1 environment file; nothing was synthesized');
    expect(output).toMatch(
      /broken\.json: receiver\.bucketName = "bad\.bucket": must not contain dots.*\[rule: s3-bucket-name-no-dots\]/,
    );
    expect(output).toMatch(/broken\.json: receiver\.bucket: is not a known setting; did you mean `bucketName`\?/);
    expect(existsSync(join(outdir, 'stacks'))).toBe(false);
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(false);
  });

  it('npm run synth prints each environment-file problem exactly once, and exits non-zero', () => {
    const project = tempDir();
    const dir = environmentsDir(
      {
        broken: fileWith((f) => {
          f.receiver.bucketName = 'bad.bucket';
          f.dns.ttl = 1;
        }),
      },
      project,
    );
    const result = run('npm', ['run', '--silent', 'synth'], {
      env: { CAMPAIGN_AAM_ENVIRONMENTS: dir, CDKTF_OUTDIR: join(project, 'out') },
    });
    expect(result.status).toBe(1);
    const output = result.stdout + result.stderr;
    const count = (pattern: RegExp) => output.split('\n').filter((line) => pattern.test(line)).length;
    expect(count(/problems in 1 environment file; nothing was synthesized/)).toBe(1);
    expect(count(/broken\.json: receiver\.bucketName = "bad\.bucket": must not contain dots/)).toBe(1);
    expect(count(/broken\.json: dns\.ttl = 1:/)).toBe(1);
    expect(existsSync(join(project, 'out'))).toBe(false);
  });

  it('runs the compiled app, not ts-node', () => {
    const cdktfJson = JSON.parse(readFileSync(join(PROJECT_DIR, 'cdktf.json'), 'utf8'));
    expect(cdktfJson.app).toBe('npm run --silent build && node dist/main.js');
  });
});
