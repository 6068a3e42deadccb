import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ownedFolder, ownedPath, OutsideOwnedFolderError, removeOwned } from '../../../runtime/owned-folders';
import { PROJECT_DIR } from '../../support/run';
import { tempDir } from '../../support/temp';

/** Where a recursive delete may be written: the one helper, and the detached child it is checked for. */
const ALLOWED = new Set([
  'runtime/owned-folders.ts',
  // Its child removes paths that `removeInBackground` has checked with `ownedPath` first.
  'synth/remove-in-background.ts',
]);

describe('every recursive delete goes through runtime/owned-folders', () => {
  it('no other source file of the app deletes recursively', () => {
    const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((path) => path !== '' && !path.startsWith('test/') && existsSync(join(PROJECT_DIR, path)));
    expect(sources.length).toBeGreaterThan(100);
    const offenders = sources.filter((path) => {
      const text = readFileSync(join(PROJECT_DIR, path), 'utf8');
      return !ALLOWED.has(path) && /\b(rmSync|rm|rmdirSync|rmdir)\s*\([^)]*recursive\s*:\s*true/s.test(text);
    });
    expect(offenders).toEqual([]);
  });
});

describe('removeOwned', () => {
  const setup = () => {
    const parent = tempDir();
    const cache = join(parent, 'cache');
    mkdirSync(join(cache, 'local', 'dev'), { recursive: true });
    writeFileSync(join(parent, 'keep.txt'), 'keep');
    return { parent, owner: ownedFolder(cache, 'the cache') };
  };

  it('removes a folder inside its owner', () => {
    const { owner } = setup();
    removeOwned(owner, 'local/dev');
    expect(existsSync(join(owner.root, 'local', 'dev'))).toBe(false);
    expect(existsSync(join(owner.root, 'local'))).toBe(true);
  });

  it.each([['..'], ['../keep.txt'], ['local/../..'], ['/'], ['/etc']])(
    'refuses %s, which leaves the owner, and touches nothing',
    (path) => {
      const { parent, owner } = setup();
      expect(() => removeOwned(owner, path)).toThrow(OutsideOwnedFolderError);
      expect(() => ownedPath(owner, path)).toThrow(
        `refusing to touch ${path}: it is outside the cache (${owner.root})`,
      );
      expect(readFileSync(join(parent, 'keep.txt'), 'utf8')).toBe('keep');
    },
  );

  it('refuses the owner itself unless asked to remove it', () => {
    const { owner } = setup();
    expect(() => removeOwned(owner, '.')).toThrow(`refusing to remove the cache (${owner.root}) itself`);
    removeOwned(owner, owner.root, { root: true });
    expect(existsSync(owner.root)).toBe(false);
  });
});
