import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitProject } from '../../support/git-project';
import { review } from '../../support/review';
import { PROJECT_DIR } from '../../support/run';
import { expectExit } from '../../support/terraform';

jest.setTimeout(300_000);

const PAGE = join(PROJECT_DIR, 'docs', 'review.md');
const START = '<!-- review-example:start -->';
const END = '<!-- review-example:end -->';
/** The page names the base commit with this stand-in: the fixture's real commit changes with every code change. */
const COMMIT = '1a2b3c4';

/** The page's example: the shipped environments, with production's CRM destination changed and staging on a second key slot. */
function exampleReport(): string {
  const project = gitProject();
  cpSync(join(PROJECT_DIR, 'environments'), join(project.dir, 'environments'), { recursive: true });
  project.commit('the shipped examples');
  const edit = (name: string, change: (file: Record<string, any>) => void) => {
    const file = JSON.parse(readFileSync(join(project.dir, 'environments', `${name}.json`), 'utf8'));
    change(file);
    project.writeEnvironment(name, file);
  };
  edit('production', (f) => {
    f.campaign.dataSources.find((s: { label?: string }) => s.label === 'Globex CRM ID').aamDestinationId = '987654';
  });
  edit('staging', (f) => (f.accessKey = { ...f.accessKey, slots: ['blue', 'green'], activeSlot: 'green' }));
  const result = review(project.dir, ['--base', 'main']);
  expectExit(result, 0);
  return result.stdout.replace(/^(.*\(`main` \()[0-9a-f]{7}(\).*)$/m, `$1${COMMIT}$2`);
}

const block = (report: string) => `${START}\n\n\`\`\`\`markdown\n${report}\`\`\`\`\n\n${END}`;

describe('the example report of docs/review.md', () => {
  it('is what npm run review prints for the same change', () => {
    const page = readFileSync(PAGE, 'utf8');
    const expected = block(exampleReport());
    const current = page.slice(page.indexOf(START), page.indexOf(END) + END.length);
    if (process.env.UPDATE_REVIEW_EXAMPLE === '1') {
      writeFileSync(PAGE, page.replace(current, expected));
      return;
    }
    if (current !== expected) {
      throw new Error(
        'The review example in docs/review.md is out of date. Regenerate it with\n  UPDATE_REVIEW_EXAMPLE=1 npx jest --selectProjects integration -- test/integration/review/review-example.test.ts',
      );
    }
  });
});
