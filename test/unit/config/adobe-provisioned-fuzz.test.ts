import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvironment } from '../../../config/load';
import { synthesize } from '../../../synth/synthesize';
import { ADOBE_MUTATIONS, validAdobeProvisionedFile } from '../../support/arbitraries';
import { resourcesOf, synthStack } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(300_000);

describe('fuzzed environment files whose receiver Adobe provisioned', () => {
  it('accepts and synthesizes generated valid files: no bucket, no IAM, a secret per account, no policy finding', async () => {
    await fc.assert(
      fc.asyncProperty(validAdobeProvisionedFile, async (file) => {
        const parsed = await parseEnvironment('environments/fuzz.json', JSON.stringify(file));
        if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        const synthesized = await synthStack(file, 'fuzz');
        const types = Object.keys(JSON.parse(synthesized).resource);
        expect(types.filter((t) => t.startsWith('aws_s3_') || t.startsWith('aws_iam_'))).toEqual([]);
        expect(resourcesOf(synthesized, 'aws_secretsmanager_secret')).toHaveLength(2);
        expect(types).not.toContain('aws_secretsmanager_secret_version');
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every rule-breaking change at the changed field, and writes nothing', async () => {
    const project = tempDir();
    await fc.assert(
      fc.asyncProperty(
        validAdobeProvisionedFile,
        fc.constantFrom(...ADOBE_MUTATIONS),
        fc.nat(),
        async (file, mutation, n) => {
          mutation.apply(file);
          const parsed = await parseEnvironment('environments/fuzz.json', JSON.stringify(file));
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain(mutation.path);
          const outdir = join(project, `out-${n}`);
          await expect(
            synthesize({ environmentsDir: environmentsDir({ fuzz: file }, project), outdir, projectDir: project }),
          ).rejects.toThrow(/nothing was synthesized/);
          expect(existsSync(outdir)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
