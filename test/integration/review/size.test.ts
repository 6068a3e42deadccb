import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileWith } from '../../support/environment';
import { gitProject } from '../../support/git-project';
import { review } from '../../support/review';
import { tempDir } from '../../support/temp';
import { expectExit } from '../../support/terraform';

jest.setTimeout(600_000);

const COUNT = 200;
const names = Array.from({ length: COUNT }, (_, i) => `env-${String(i).padStart(3, '0')}`);
const destination = (i: number, version: number) => String(100_000 * version + i);

/** Environment `i` at revision `version`: its own bucket and tracking host, and a destination ID that changes. */
const environment = (i: number, version: number) =>
  fileWith((f) => {
    f.receiver.bucketName = `initech-campaign-aam-${names[i]}`;
    f.dns.trackingServer.records[0].hostname = `t-${names[i]}.initech.example`;
    f.campaign.dataSources[0].aamDestinationId = destination(i, version);
    f.receiver.segmentRetentionDays = 20 + version;
  });

describe(`a pull request that changes all ${COUNT} environments`, () => {
  let report: string;
  let full: string;

  beforeAll(() => {
    const project = gitProject();
    names.forEach((name, i) => project.writeEnvironment(name, environment(i, 1)));
    project.commit('base');
    names.forEach((name, i) => project.writeEnvironment(name, environment(i, 2)));
    const fullFile = join(tempDir(), 'full.md');
    const result = review(project.dir, ['--base', 'main', '--full', fullFile]);
    expectExit(result, 0);
    report = result.stdout;
    full = readFileSync(fullFile, 'utf8');
  });

  it("stays under GitHub's comment limit", () => {
    expect(report.length).toBeLessThan(65_000);
  });

  it('keeps the first line, a row for every environment and every risk', () => {
    const lines = report.split('\n');
    expect(lines[0]).toBe(
      `## Campaign integration review: ${COUNT} of ${COUNT} environments change, ${COUNT} risks found (\`main\` (${lines[0].match(/\(([0-9a-f]{7})\)/)?.[1]}) → working tree)`,
    );
    names.forEach((name, i) => {
      expect(lines).toContain(`| \`${name}\` | 0 | 2 | 0 | 0 | 0 | 1 |`);
      const risk = lines.filter(
        (l) =>
          l.startsWith(`- \`${name}\` · `) &&
          l.endsWith(
            `: Shared data source *Recipient - Visitor ID (Defaultdatasources)*: AAM Destination ID \`${destination(i, 1)}\` → \`${destination(i, 2)}\``,
          ),
      );
      expect(risk).toHaveLength(1);
    });
  });

  it('cuts detail, largest first, and says so', () => {
    expect(report).toMatch(
      /✂️ Cut to stay under GitHub's comment limit, largest sections first: .*AWS resource details of \d+ environments/,
    );
    expect(report).toContain(
      'The first line, the summary and every risk are complete; the full report (`--full`) holds everything.',
    );
  });

  it('writes everything to --full', () => {
    expect(full.length).toBeGreaterThan(65_000);
    expect(full).not.toContain('✂️');
    for (const name of names) {
      expect(full).toContain(`### \`${name}\`: 2 to change, 1 risk`);
      expect(full).toContain(
        `In **Administration > Application settings > Shared Data Sources**, open **Recipient - Visitor ID (Defaultdatasources)** and set **AAM Destination ID** to`,
      );
    }
    expect(full.split('\n').filter((l) => l.startsWith('~ aws_s3_bucket_lifecycle_configuration.'))).toHaveLength(
      COUNT,
    );
    // Everything the cut report kept, the full one has too.
    expect(full.startsWith(report.slice(0, report.indexOf('### `env-')))).toBe(true);
  });
});
