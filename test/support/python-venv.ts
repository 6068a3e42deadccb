import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from './run';

export const VENV_DIR = join(PROJECT_DIR, '.venv');
const REQUIREMENTS = join(PROJECT_DIR, 'requirements-test.txt');
const STAMP = join(VENV_DIR, '.requirements.sha256');

export const venvBin = (tool: string) => join(VENV_DIR, 'bin', tool);

/**
 * Makes sure the project-local virtual environment holds exactly `requirements-test.txt` (moto,
 * and later tools), installing it on first use or when the requirements change. A missing
 * `python3` is an error naming the prerequisite, never a silent skip.
 */
export function ensurePythonTools(): void {
  const wanted = createHash('sha256').update(readFileSync(REQUIREMENTS)).digest('hex');
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted && existsSync(venvBin('python'))) return;

  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.error !== undefined || python.status !== 0) {
    throw new Error(
      'python3 is required for the emulator tests (moto runs in a project-local virtual environment): install Python 3.9+ with venv support, e.g. `apt-get install python3 python3-venv`.',
    );
  }
  if (!existsSync(venvBin('python'))) {
    execFileSync('python3', ['-m', 'venv', VENV_DIR], { stdio: 'inherit' });
  }
  execFileSync(
    venvBin('python'),
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  writeFileSync(STAMP, wanted);
}
