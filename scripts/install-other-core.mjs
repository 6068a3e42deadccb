#!/usr/bin/env node
// Installs this project a second time, on the other core (cdktn 0.24 from a cdktf 0.21 checkout,
// cdktf 0.21 from a switched one), in a folder of its own, leaving this install as it is: a copy
// of every file git sees, package.json switched by use-cdktn.mjs, and `npm install`. CI runs the
// tests there, the cross-core test compares both, and `npm run bench -- --core <name>` measures
// it. See docs/cdktn.md.
import console from 'node:console';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Written into the copy: where it came from, so that the copy can find this install again. */
const ORIGIN_FILE = 'other-core-of.json';
/** Kept between runs: the install itself (npm then only changes what changed) and the shared Python tools. */
const KEPT = new Set(['node_modules', '.venv', '.cache', '.git']);

const USAGE = `usage: node scripts/install-other-core.mjs [folder]   (default: .cache/cdktn, or .cache/cdktf on cdktn)`;

function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error(`unexpected arguments: ${args.join(' ')}\n${USAGE}`);
    return 2;
  }
  const onCdktn = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).dependencies?.cdktf?.includes(
    'cdktn',
  );
  const other = onCdktn ? 'cdktf' : 'cdktn';
  const folder = resolve(args[0] ?? join(PROJECT, '.cache', other));
  if (!relative(folder, PROJECT).startsWith('..')) {
    console.error(`${folder}: the other install needs a folder of its own, not the project or one that holds it`);
    return 2;
  }
  mkdirSync(folder, { recursive: true });
  for (const entry of readdirSync(folder)) {
    if (!KEPT.has(entry)) rmSync(join(folder, entry), { recursive: true, force: true });
  }
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: PROJECT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(PROJECT, file)));
  for (const file of files) cpSync(join(PROJECT, file), join(folder, file), { recursive: true });
  writeFileSync(join(folder, ORIGIN_FILE), `${JSON.stringify({ copiedFrom: PROJECT }, null, 2)}\n`);
  // moto and checkov are the same on both cores: one virtual environment serves both installs.
  if (!existsSync(join(folder, '.venv')) && existsSync(join(PROJECT, '.venv'))) {
    symlinkSync(join(PROJECT, '.venv'), join(folder, '.venv'));
  }
  const run = (command, commandArgs) => execFileSync(command, commandArgs, { cwd: folder, stdio: 'inherit' });
  run(process.execPath, [join(PROJECT, 'scripts', 'use-cdktn.mjs'), ...(onCdktn ? ['--undo'] : []), folder]);
  // cdktn-cli declares Node >=22.19 and pins its own constructs; both work here (docs/cdktn.md).
  run('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund']);
  // The app reads its own sources through git, as a reviewed revision holds them (review, bench).
  if (!existsSync(join(folder, '.git'))) run('git', ['init', '--quiet']);
  run('git', ['add', '--all']);
  console.log(`${other} install of this project in ${folder}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
