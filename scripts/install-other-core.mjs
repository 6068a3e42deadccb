#!/usr/bin/env node
// Installs this project a second time, on the other core (cdktn 0.24 from a cdktf 0.21 checkout,
// cdktf 0.21 from a switched one), in a folder of its own, leaving this install as it is: a copy
// of every file git sees, package.json switched by use-cdktn.mjs, and `npm install`. CI runs the
// tests there, the cross-core test compares both, and `npm run bench -- --core <name>` measures
// it. See docs/cdktn.md.
//
// Plain Node on purpose: CI runs it before anything is compiled (and the copy it makes has no build
// yet), so it cannot use the project's runtime/ plumbing (processes, git, atomic writes) and keeps
// the few calls it needs here.
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Written into the copy: where it came from, so that the copy can find this install again. */
const ORIGIN_FILE = 'other-core-of.json';
/** Kept between runs: the install (npm then only changes what changed), its build and git index, the Python tools. */
const KEPT = new Set(['node_modules', '.venv', '.cache', '.git', 'dist']);

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
  return withLock(`${folder}.lock`, () => update(folder, onCdktn));
}

/**
 * Brings the copy up to date. Tests may ask for it from several processes at once, and may be
 * running the copy meanwhile: a file whose content is the same is not touched, a changed one is
 * replaced in one step (rename), and only files the project no longer has are removed.
 */
function update(folder, onCdktn) {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: PROJECT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(PROJECT, file)) && file !== 'package.json');
  const wanted = new Set(files);
  removeFilesNotIn(folder, '', wanted);
  for (const file of files) writeIfChanged(join(folder, file), readFileSync(join(PROJECT, file)));
  writeIfChanged(join(folder, 'package.json'), switchedPackage(onCdktn));
  writeIfChanged(join(folder, ORIGIN_FILE), `${JSON.stringify({ copiedFrom: PROJECT }, null, 2)}\n`);
  // moto and checkov are the same on both cores: one virtual environment serves both installs.
  if (!existsSync(join(folder, '.venv')) && existsSync(join(PROJECT, '.venv'))) {
    symlinkSync(join(PROJECT, '.venv'), join(folder, '.venv'));
  }
  const run = (command, commandArgs) => execFileSync(command, commandArgs, { cwd: folder, stdio: 'inherit' });
  // cdktn-cli declares Node >=22.19 and pins its own constructs; both work here (docs/cdktn.md).
  run('npm', ['install', '--legacy-peer-deps', '--no-audit', '--no-fund']);
  // The app reads its own sources through git, as a reviewed revision holds them (review, bench).
  if (!existsSync(join(folder, '.git'))) run('git', ['init', '--quiet']);
  run('git', ['add', '--all']);
  console.log(`${onCdktn ? 'cdktf' : 'cdktn'} install of this project in ${folder}`);
  return 0;
}

/** This project's package.json, switched to the other core by use-cdktn.mjs (in a scratch folder). */
function switchedPackage(onCdktn) {
  const scratch = mkdtempSync(join(tmpdir(), 'other-core-'));
  try {
    cpSync(join(PROJECT, 'package.json'), join(scratch, 'package.json'));
    const args = [join(PROJECT, 'scripts', 'use-cdktn.mjs'), ...(onCdktn ? ['--undo'] : []), scratch];
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    return readFileSync(join(scratch, 'package.json'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeIfChanged(path, content) {
  if (existsSync(path) && readFileSync(path).equals(Buffer.from(content))) return;
  mkdirSync(dirname(path), { recursive: true });
  const next = `${path}.${process.pid}.new`;
  writeFileSync(next, content);
  renameSync(next, path);
}

/** Removes what the copy holds under `dir` that the project no longer has (the install and its outputs stay). */
function removeFilesNotIn(folder, dir, wanted) {
  for (const entry of readdirSync(join(folder, dir), { withFileTypes: true })) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (dir === '' && KEPT.has(entry.name)) continue;
    if (entry.isDirectory()) removeFilesNotIn(folder, path, wanted);
    else if (!wanted.has(path) && path !== 'package.json' && path !== ORIGIN_FILE) rmSync(join(folder, path));
  }
}

/** Runs `work` holding `lock` (a folder: creating one is atomic), waiting up to ten minutes for another run. */
function withLock(lock, work) {
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A run that died holding it left it behind: no run takes twenty minutes.
      if (Date.now() - statSync(lock).mtimeMs > 1_200_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock}: another install has held it for ten minutes`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
