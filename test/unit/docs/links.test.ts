import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { anchorsOf, brokenLink, headingAnchor, relativeLinks } from '../../support/markdown-links';
import { PROJECT_DIR } from '../../support/run';

const README = join(PROJECT_DIR, 'README.md');
const DOCS = join(PROJECT_DIR, 'docs');
const pages = () =>
  readdirSync(DOCS)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(DOCS, name));

/** Pages of docs/ may be linked before they exist: other branches write some of them. */
const isDocsPage = (path: string) => dirname(path) === DOCS && path.endsWith('.md');

describe('the links of the README and the docs pages', () => {
  it('resolve to an existing file and, into a Markdown file, to one of its headings', () => {
    const broken = [README, ...pages()]
      .flatMap((file) => relativeLinks(file))
      .map((link) => brokenLink(link, isDocsPage))
      .filter((problem) => problem !== undefined);
    expect(broken).toEqual([]);
  });

  it('include one from the README to every docs page', () => {
    const linked = new Set(
      relativeLinks(README)
        .map((link) => join(PROJECT_DIR, link.target.split('#')[0]))
        .filter(isDocsPage),
    );
    const unlinked = pages()
      .filter((page) => !linked.has(page))
      .map((page) => relative(PROJECT_DIR, page));
    expect(unlinked).toEqual([]);
  });
});

describe('the link check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'links-test-'));
    mkdirSync(join(dir, 'docs'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const check = (text: string, mayBeMissing = () => false) => {
    const file = join(dir, 'docs', 'page.md');
    writeFileSync(file, text);
    return relativeLinks(file).map((link) => brokenLink(link, mayBeMissing));
  };

  it('finds a missing file, a missing heading, and accepts what exists', () => {
    writeFileSync(join(dir, 'docs', 'other.md'), '# Other\n\n## What a command may change\n');
    expect(
      check(
        '# Page\n\n[a](other.md#what-a-command-may-change) [b](other.md#gone) [c](missing.md) [d](#page) [e](https://example.com/x)\n',
      ),
    ).toEqual([
      undefined,
      `${join(dir, 'docs', 'page.md')}:3: other.md#gone: other.md has no heading #gone`,
      `${join(dir, 'docs', 'page.md')}:3: missing.md: no file ${join(dir, 'docs', 'missing.md')}`,
      undefined,
    ]);
  });

  it('accepts an absent file only where told, and ignores links inside code', () => {
    expect(check('[a](later.md)\n\n`[b](nowhere.md)`\n\n```\n[c](nowhere.md)\n```\n', () => true)).toEqual([undefined]);
  });

  it('names headings as GitHub does: code marks and punctuation dropped, repeats numbered', () => {
    expect(headingAnchor('CI/CD')).toBe('cicd');
    expect(headingAnchor('`staging`: 1 to add, 2 risks')).toBe('staging-1-to-add-2-risks');
    expect(headingAnchor('Adopt an existing, hand-made set-up')).toBe('adopt-an-existing-hand-made-set-up');
    expect([...anchorsOf('# A\n\n## A\n\n```\n# Not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });
});
