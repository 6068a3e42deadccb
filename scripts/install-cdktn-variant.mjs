#!/usr/bin/env node
// Installs this project a second time, on cdktn 0.24, in a folder of its own (default
// .cache/cdktn), leaving the main install on cdktf 0.21 as it is: a copy of every file git sees,
// the package.json switched by use-cdktn.mjs, and `npm install --legacy-peer-deps`. CI runs tests
// there and `npm run bench -- --core cdktn` measures it (see docs/cdktn.md).
// usage: node scripts/install-cdktn-variant.mjs [folder]
import console from 'node:console';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Kept between runs: the install itself (npm then only adds what changed) and the shared Python tools. */
const KEPT = new Set(['node_modules', '.venv', '.cache']);

function main(args) {
  if (args.includes('--help') || args.includes('-h') || args.length > 1) {
    console.log('usage: node scripts/install-cdktn-variant.mjs [folder]   (default: .cache/cdktn)');
    return args.length > 1 ? 2 : 0;
  }
  const folder = resolve(args[0] ?? join(PROJECT, '.cache', 'cdktn'));
  if (!relative(folder, PROJECT).startsWith('..')) {
    console.error(`${folder}: the variant needs a folder of its own, not the project or one that holds it`);
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
  // moto and checkov are the same on both cores: one virtual environment for both installs.
  if (!existsSync(join(folder, '.venv')) && existsSync(join(PROJECT, '.venv'))) {
    symlinkSync(join(PROJECT, '.venv'), join(folder, '.venv'));
  }
  const run = (command, commandArgs) => execFileSync(command, commandArgs, { cwd: folder, stdio: 'inherit' });
  run(process.execPath, [join(PROJECT, 'scripts', 'use-cdktn.mjs'), folder]);
  // cdktn-cli declares Node >=22.19 and its own constructs; both work here (docs/cdktn.md).
  run('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund']);
  console.log(`cdktn variant installed in ${folder}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
