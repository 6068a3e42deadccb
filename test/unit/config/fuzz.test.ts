import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../../synth/synthesize';
import { parseEnvironment } from '../../../config/load';
import { MUTATIONS, validEnvironmentFile } from '../../support/arbitraries';
import { synthStack } from '../../support/environment';
import { environmentsDir, tempDir } from '../../support/temp';

jest.setTimeout(300_000);

describe('fuzzed environment files', () => {
  it('accepts and synthesizes 1,000 generated valid files, with no policy finding', async () => {
    await fc.assert(
      fc.asyncProperty(validEnvironmentFile, async (file) => {
        const parsed = await parseEnvironment('environments/fuzz.json', JSON.stringify(file));
        if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        // synthStack fails on any error annotation, so a policy finding fails the property too.
        const synthesized = JSON.parse(await synthStack(file, 'fuzz'));
        expect(Object.keys(synthesized.resource.terraform_data).length).toBe(
          3 + file.campaign.dataSources.length + (file.campaign.visitorIdService ? 1 : 0),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects every rule-breaking mutation at the mutated field, and writes nothing', async () => {
    const project = tempDir();
    await fc.assert(
      fc.asyncProperty(validEnvironmentFile, fc.constantFrom(...MUTATIONS), fc.nat(), async (file, mutation, n) => {
        mutation.apply(file);
        const parsed = await parseEnvironment('environments/fuzz.json', JSON.stringify(file));
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain(mutation.path);

        const outdir = join(project, `out-${n}`);
        await expect(
          synthesize({ environmentsDir: environmentsDir({ fuzz: file }, project), outdir, projectDir: project }),
        ).rejects.toThrow(/nothing was synthesized/);
        expect(existsSync(outdir)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
