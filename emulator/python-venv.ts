import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { runCommandSync } from '../runtime/processes';
import { projectRoot } from '../runtime/project-paths';

export const VENV_DIR = join(projectRoot(), '.venv');

/**
 * Hash-locked requirement files (generated from the `.in` files beside them by
 * `emulator/refresh-python-locks.sh`): `npm run local` needs only the emulator; the test suite adds
 * checkov. pip installs them with `--require-hashes`, so a changed package on the index is refused.
 */
export const REQUIREMENTS = {
  emulator: join(projectRoot(), 'emulator', 'requirements.lock'),
  test: join(projectRoot(), 'requirements-test.lock'),
} as const;

export const venvBin = (tool: string) => join(VENV_DIR, 'bin', tool);

const MINIMUM_PYTHON = [3, 9] as const;

/** Changes when the lock file changes. */
const fingerprint = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The pins a person wrote (the `.in` file beside a lock, and what it includes), for the install message. */
function directPins(lock: string): string[] {
  const pins = (file: string): string[] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .flatMap((line) => {
        const included = /^-r\s+(\S+)/.exec(line)?.[1];
        if (included !== undefined) return pins(resolve(dirname(file), included));
        return line === '' || line.startsWith('#') || line.startsWith('-') ? [] : [line];
      });
  return pins(lock.replace(/\.lock$/, '.in'));
}

const stampOf = (file: string) =>
  join(VENV_DIR, '.installed', relative(projectRoot(), file).replace(/[/\\]/g, '__') + '.sha256');

/**
 * What is wrong with the Python on PATH for the project's virtual environment, or undefined when
 * it will do: `python3` must exist, be 3.9 or newer, and have `venv` with `ensurepip` (Debian and
 * Ubuntu ship those separately, as `python3-venv`).
 */
export function pythonProblem(python = 'python3'): string | undefined {
  const need = `Python ${MINIMUM_PYTHON.join('.')}+ with the venv module`;
  const install = 'install it, e.g. `apt-get install python3 python3-venv`, `brew install python` or from python.org';
  const probe = runCommandSync(python, [
    '-c',
    'import sys; print("%d.%d" % sys.version_info[:2]); import venv, ensurepip',
  ]);
  if (probe.error !== undefined) return `${need} is required, but \`${python}\` was not found on PATH: ${install}`;
  const version = probe.stdout.trim().split('\n')[0] ?? '';
  const [major, minor] = version.split('.').map(Number);
  if (!(major > MINIMUM_PYTHON[0] || (major === MINIMUM_PYTHON[0] && minor >= MINIMUM_PYTHON[1]))) {
    return `${need} is required, but \`${python}\` is ${version || 'unknown'}: ${install}`;
  }
  if (probe.status !== 0) {
    return `${need} is required, but \`${python}\` ${version} has no working venv/ensurepip: ${install}`;
  }
  return undefined;
}

export class PythonToolsError extends Error {}

export interface EnsureOptions {
  /** Told once before a first install (or a reinstall after the requirements changed). */
  readonly onInstall?: (message: string) => void;
  /** Where pip's own output goes: inherited (the default) or a file descriptor, e.g. a log file. */
  readonly output?: 'inherit' | number;
}

/**
 * Makes sure the project-local virtual environment (`.venv/`) holds `requirements` (and what it
 * includes), installing on first use or when the pinned versions change. A missing or unusable
 * Python is a `PythonToolsError` naming the prerequisite, never a silent skip.
 */
export function ensurePythonTools(requirements: string = REQUIREMENTS.test, options: EnsureOptions = {}): void {
  const wanted = fingerprint(requirements);
  const stamp = stampOf(requirements);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(venvBin('python'))) return;

  const problem = pythonProblem();
  if (problem !== undefined) throw new PythonToolsError(problem);
  const pins = directPins(requirements);
  options.onInstall?.(
    `Installing ${pins.join(', ')} into ${basename(VENV_DIR)}/ (first use only; takes a minute or more)`,
  );
  const output = options.output ?? 'inherit';
  const steps: [string, string[]][] = [
    ...(existsSync(venvBin('python')) ? [] : [['python3', ['-m', 'venv', VENV_DIR]] as [string, string[]]]),
    [
      venvBin('python'),
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--require-hashes', '-r', requirements],
    ],
  ];
  for (const [command, args] of steps) {
    const step = runCommandSync(command, args, { output });
    if (step.status !== 0) {
      const why = step.error?.message ?? `${[command, ...args].join(' ')} exited with ${step.status ?? 'a signal'}`;
      throw new PythonToolsError(
        `installing ${pins.join(', ')} into ${VENV_DIR} failed (${why}); pip needs to reach PyPI or a configured index`,
      );
    }
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, wanted);
}
