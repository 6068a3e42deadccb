import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pythonProblem } from '../../../emulator/python-venv';
import { tempDir } from '../../support/temp';

/** A stand-in `python3` that prints `version` and exits with `status`, as a real one would. */
function fakePython(version: string, status = 0): string {
  const path = join(tempDir(), 'python3');
  writeFileSync(path, `#!/bin/sh\necho ${version}\nexit ${status}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('the Python prerequisite of the emulator', () => {
  it('accepts the python3 on this machine', () => {
    expect(pythonProblem()).toBeUndefined();
  });

  it('names the prerequisite when python3 is missing', () => {
    expect(pythonProblem('python3-that-does-not-exist')).toMatch(
      /^Python 3\.9\+ with the venv module is required, but `python3-that-does-not-exist` was not found on PATH: install it, e\.g\. `apt-get install python3 python3-venv`/,
    );
  });

  it('refuses a Python older than 3.9', () => {
    expect(pythonProblem(fakePython('3.8'))).toMatch(/is required, but `.*python3` is 3\.8: install it/);
  });

  it('says so when venv or ensurepip is missing (Debian without python3-venv)', () => {
    expect(pythonProblem(fakePython('3.11', 1))).toMatch(
      /`.*python3` 3\.11 has no working venv\/ensurepip: install it/,
    );
  });
});
