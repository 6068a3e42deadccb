import { createHash } from 'node:crypto';
import { cpSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run, PROJECT_DIR } from './run';
import { tempDir } from './temp';

/**
 * A complete, compiled copy of the project in a temporary folder (`dist/`, package.json, the
 * example environments and requirement files; node_modules linked), whose commands find their
 * project (and cache) there: a test of a command that must not delete or overwrite anything runs
 * it here, so a regression harms a copy, never the checkout.
 */
export function throwawayProject(): { parent: string; project: string; cli: string } {
  const parent = tempDir();
  const project = join(parent, 'project');
  const build = run('npx', [
    'tsc',
    '-p',
    'tsconfig.build.json',
    '--outDir',
    join(project, 'dist'),
    '--incremental',
    'false',
  ]);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  for (const entry of [
    'package.json',
    'cdktf.json',
    'environments',
    'emulator',
    'requirements-test.in',
    'requirements-test.lock',
  ]) {
    cpSync(join(PROJECT_DIR, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(project, 'node_modules'), 'dir');
  return { parent, project, cli: join(project, 'dist', 'cli') };
}

/** Every path under `root` (links not followed, node_modules left out) with a checksum of its content. */
export function snapshot(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (name === 'node_modules') continue;
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries[rel] = `link ${readlinkSync(path)}`;
      else if (stat.isDirectory()) {
        entries[rel] = `dir ${(stat.mode & 0o777).toString(8)}`;
        walk(path);
      } else entries[rel] = `file ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  };
  walk(root);
  return entries;
}
