import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../../synth/synthesize';
import { ConfigError } from '../../../config/problems';
import { fileWith, validFile } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';
import { EXAMPLES_DIR as EXAMPLES } from '../../support/examples';

/** Every file under `folder` with its content, and every folder, to compare an output before and after. */
function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        entries[`${path}/`] = '';
        walk(join(dir, entry.name), `${path}/`);
      } else entries[path] = readFileSync(join(dir, entry.name), 'utf8');
    }
  };
  walk(folder, '');
  return entries;
}

describe('synthesize', () => {
  it('synthesizes every shipped example environment with its handoff documents', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    const results = await synthesize({ environmentsDir: EXAMPLES, outdir, projectDir: project });
    expect(results.map((r) => r.name)).toEqual(['dev', 'production', 'staging']);
    for (const result of results) {
      expect(readdirSync(result.stackDir).sort()).toEqual(['cdk.tf.json', 'handoff']);
      expect(readdirSync(join(result.stackDir, 'handoff')).sort()).toEqual([
        'campaign-setup.md',
        'provisioning-request.eml',
      ]);
      expect(result.documents.every((d) => existsSync(d))).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['dev', 'production', 'staging']);
    // No staging folder or lock is left beside the output.
    expect(readdirSync(project)).toEqual(['cdktf.out']);
  });

  it('replaces the previous output instead of mixing old and new stacks', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    await synthesize({
      environmentsDir: environmentsDir({ alpha: validFile() }, project),
      outdir,
      projectDir: project,
    });
    const second = join(project, 'second');
    mkdirSync(second);
    await synthesize({ environmentsDir: environmentsDir({ beta: validFile() }, second), outdir, projectDir: project });
    expect(readdirSync(join(outdir, 'stacks'))).toEqual(['beta']);
  });

  it('writes nothing when any environment is invalid, and leaves the previous output as it was', async () => {
    const project = tempDir();
    const outdir = join(project, 'cdktf.out');
    await synthesize({ environmentsDir: environmentsDir({ good: validFile() }, project), outdir, projectDir: project });
    mkdirSync(join(outdir, 'stacks', 'good', '.terraform'));
    const before = snapshot(outdir);
    writeFileSync(
      join(project, 'environments', 'bad.json'),
      JSON.stringify(fileWith((f) => (f.receiver.bucketName = 'Bad.Name'))),
    );

    await expect(
      synthesize({ environmentsDir: join(project, 'environments'), outdir, projectDir: project }),
    ).rejects.toThrow(ConfigError);
    expect(snapshot(outdir)).toEqual(before);
    expect(readdirSync(project).sort()).toEqual(['cdktf.out', 'environments']);
  });

  it('reports problems of every file together, with paths relative to the project', async () => {
    const project = tempDir();
    const dir = environmentsDir({ one: fileWith((f) => (f.aws.region = 'nowhere')), two: '{ not json' }, project);
    let error: ConfigError | undefined;
    try {
      await synthesize({ environmentsDir: dir, outdir: join(project, 'out'), projectDir: project });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.message.split('\n')[0]).toBe('2 problems in 2 environment files; nothing was synthesized:');
    expect(error?.problems.map((p) => [p.file, p.path, p.rule])).toEqual([
      ['environments/one.json', 'aws.region', 'allowed-values'],
      ['environments/two.json', '', 'json-syntax'],
    ]);
  });

  it('rejects two environments that would share a bucket or a state file', async () => {
    const project = tempDir();
    const s3 = { type: 's3', bucket: 'initech-state', key: 'aam.tfstate', region: 'us-east-1' };
    const dir = environmentsDir(
      {
        a: fileWith((f) => (f.backend = s3)),
        b: fileWith((f) => {
          f.backend = s3;
          f.campaign.dataSources[0].aamDestinationId = '654321';
          f.dns.trackingServer.records[0].hostname = 't-b.initech.example';
        }),
      },
      project,
    );
    await expect(
      synthesize({ environmentsDir: dir, outdir: join(project, 'out'), projectDir: project }),
    ).rejects.toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            file: 'environments/b.json',
            path: 'receiver.bucketName',
            rule: 'unique-bucket-across-environments',
          }),
          expect.objectContaining({
            file: 'environments/b.json',
            path: 'backend.key',
            rule: 'unique-state-across-environments',
          }),
        ],
      }),
    );
  });

  it('fails clearly when the folder holds no environment file', async () => {
    const project = tempDir();
    const dir = join(project, 'environments');
    mkdirSync(dir);
    await expect(
      synthesize({ environmentsDir: dir, outdir: join(project, 'out'), projectDir: project }),
    ).rejects.toThrow(/environments: holds no `\*\.json` environment file \[rule: environments-directory\]/);
  });
});
