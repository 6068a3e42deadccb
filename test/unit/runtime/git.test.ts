import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, GitError, isIgnored, isInsideWorkTree, throwawayGit, workTreePaths } from '../../../runtime/git';
import { tempDir } from '../../support/temp';

/** A repository with a commit, an ignored file, a new file and a file in a subfolder. */
function repository() {
  const dir = tempDir();
  throwawayGit(dir, ['init', '--quiet']);
  writeFileSync(join(dir, '.gitignore'), '*.plan.json\n');
  writeFileSync(join(dir, 'committed.txt'), 'a');
  throwawayGit(dir, ['add', '.']);
  throwawayGit(dir, ['commit', '--quiet', '-m', 'first']);
  writeFileSync(join(dir, 'dev.plan.json'), '{}');
  writeFileSync(join(dir, 'new.txt'), 'b');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'inner.txt'), 'c');
  return dir;
}

describe('runtime/git', () => {
  it('commits in a throw-away repository without the user identity, signing or hooks', () => {
    const dir = repository();
    expect(git(dir, ['log', '--format=%an <%ae>'])).toBe('campaign-aam <campaign-aam@example.invalid>');
  });

  it('lists the files git sees: tracked and new, not ignored', () => {
    expect(workTreePaths(repository()).sort()).toEqual(['.gitignore', 'committed.txt', 'new.txt', 'sub/inner.txt']);
  });

  it('tells ignored (true), committable (false) and outside any repository (undefined)', () => {
    const dir = repository();
    expect(isIgnored(dir, 'dev.plan.json')).toBe(true);
    expect(isIgnored(dir, 'dev.json')).toBe(false);
    expect(isIgnored(tempDir(), 'dev.json')).toBeUndefined();
  });

  it('knows a work tree from a plain folder', () => {
    expect(isInsideWorkTree(join(repository(), 'sub'))).toBe(true);
    expect(isInsideWorkTree(tempDir())).toBe(false);
  });

  it("refuses with git's own words", () => {
    expect(() => git(repository(), ['rev-parse', '--verify', 'no-such-branch'])).toThrow(GitError);
    expect(() => git(repository(), ['rev-parse', '--verify', 'no-such-branch'])).toThrow(/git rev-parse failed: fatal/);
  });
});
