import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../../synth/synthesize';
import { loadEnvironments } from '../../../config/load';
import { tempDir } from '../../support/temp';
import { PROJECT_DIR } from '../../support/run';

const environments = loadEnvironments(join(PROJECT_DIR, 'environments'), PROJECT_DIR);

describe('handoff documents of the shipped examples', () => {
  const outdir = join(tempDir(), 'cdktf.out');
  const results = synthesize({ environmentsDir: join(PROJECT_DIR, 'environments'), outdir, projectDir: PROJECT_DIR });
  const read = (name: string, file: string) => readFileSync(join(outdir, 'stacks', name, 'handoff', file), 'utf8');

  it.each(environments.map((e) => [e.name, e] as const))(
    "%s: the email and sheet carry that environment's values",
    (name, env) => {
      const email = read(name, 'provisioning-request.eml');
      expect(email).toContain(`IMS Org ID:                ${env.organization.imsOrgId}`);
      expect(email).toContain(`Environment:               ${env.environment.label}`);
      const sheet = read(name, 'campaign-setup.md');
      expect(sheet).toContain(`\`${env.receiver.bucketName}.s3.amazonaws.com/${env.receiver.prefix}import\``);
      expect(sheet).toContain(`| AWS Region | \`${env.aws.region}\` |`);
      for (const source of env.campaign.dataSources) {
        if (source.aamDestinationId !== undefined)
          expect(sheet).toContain(`| AAM Destination ID | ${source.aamDestinationId} |`);
      }
    },
  );

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
