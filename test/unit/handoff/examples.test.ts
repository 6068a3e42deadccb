import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../../../config/environment';
import type { SynthesizedEnvironment } from '../../../synth/synthesize';
import { synthesize } from '../../../synth/synthesize';
import { EXAMPLES_DIR, exampleNames, loadExamples } from '../../support/examples';
import { ownedReceiver } from '../../support/environment';
import { tempDir } from '../../support/temp';
import { PROJECT_DIR } from '../../support/run';

describe('handoff documents of the shipped examples', () => {
  const outdir = join(tempDir(), 'cdktf.out');
  let environments: Environment[];
  let results: SynthesizedEnvironment[];
  beforeAll(async () => {
    environments = await loadExamples();
    results = await synthesize({ environmentsDir: EXAMPLES_DIR, outdir, projectDir: PROJECT_DIR });
  });
  const read = (name: string, file: string) => readFileSync(join(outdir, 'stacks', name, 'handoff', file), 'utf8');

  it.each(exampleNames())("%s: the email and sheet carry that environment's values", (name) => {
    const env = environments.find((e) => e.name === name)!;
    const email = read(name, 'provisioning-request.eml');
    expect(email).toContain(`IMS Org ID:                ${env.organization.imsOrgId}`);
    expect(email).toContain(`Environment:               ${env.environment.label}`);
    const sheet = read(name, 'campaign-setup.md');
    const receiver = ownedReceiver(env);
    expect(sheet).toContain(`\`${receiver.bucketName}.s3.amazonaws.com/${receiver.prefix}import\``);
    expect(sheet).toContain(`| AWS Region | \`${env.aws.region}\` |`);
    for (const source of env.campaign.dataSources) {
      if (source.aamDestinationId !== undefined)
        expect(sheet).toContain(`| AAM Destination ID | ${source.aamDestinationId} |`);
    }
  });

  it('contain no credential: no access key ID, no secret-shaped string', () => {
    expect(results).toHaveLength(3);
    for (const result of results) {
      for (const document of result.documents) {
        const text = readFileSync(document, 'utf8');
        expect(text).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);
        expect(text).not.toMatch(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/);
      }
    }
  });
});
