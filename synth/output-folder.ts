import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Manifest } from 'cdktf';
import { writeFileAtomically } from '../runtime/atomic-write';
import type { StackFiles } from '../cdktf-internals/collecting-synthesizer';
import { stagingDirOf } from '../runtime/project-paths';

/** One stack's entry in cdktf's `manifest.json` (the cdktf CLI reads it to find stacks). */
export interface StackManifest {
  readonly name: string;
  readonly synthesizedStackPath: string;
  readonly annotations: readonly { level: string; message: string }[];
  readonly [key: string]: unknown;
}

export interface ManifestFile {
  readonly version: string;
  readonly stacks: Record<string, StackManifest>;
}

export interface Staging {
  /** This run's own folder (cdktf writes its manifest there), inside the staging root. */
  readonly staging: string;
  /** Where this run moves what it removes from the output folder, for deletion afterwards. */
  readonly trash: string;
  /** Folders of earlier runs still there (a run that died, or a deletion still under way). */
  readonly leftovers: string[];
  /** `<outdir>.staging`, holding every run's folders: the only place synth writes beside the output. */
  readonly root: string;
}

/**
 * Why `outdir` cannot be synth's output folder, or undefined when it can: synth replaces and
 * deletes what is in its `stacks/` folder, so an existing folder must be empty or one that a synth
 * (ours or the cdktf CLI's) wrote, recognized by its `manifest.json` or by holding `stacks/` alone.
 */
export function foreignOutputFolder(outdir: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(outdir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code})`;
  }
  if (entries.length === 0 || entries.includes(Manifest.fileName)) return undefined;
  if (entries.every((entry) => entry === Manifest.stacksFolder)) return undefined;
  return `is not empty and holds no cdktf \`${Manifest.fileName}\`, so it is no synth output folder (synth replaces and deletes what is in it); choose a new or empty folder, or an earlier output folder`;
}

/** Creates this run's staging folder inside `stagingDirOf(outdir)`, and finds what earlier runs left there. */
export function createStaging(outdir: string): Staging {
  const root = stagingDirOf(outdir);
  mkdirSync(root, { recursive: true });
  const leftovers = readdirSync(root).map((entry) => join(root, entry));
  const staging = mkdtempSync(join(root, 'run-'));
  return { staging, trash: `${staging}.removed`, leftovers, root };
}

export function readManifest(folder: string): ManifestFile | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, Manifest.fileName), 'utf8')) as ManifestFile;
  } catch {
    return undefined;
  }
}

function currentContent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes `content` to `path` unless it is there already. A file that exists is replaced by
 * rename, atomically, so a reader (Terraform starting in that folder) sees the old file or the
 * new one, never half of one; unchanged files are not touched at all.
 */
function writeIfChanged(path: string, content: string): void {
  const current = currentContent(path);
  if (current === content) return;
  if (current === undefined) {
    writeFileSync(path, content);
    return;
  }
  writeFileAtomically(path, content);
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export interface WriteOptions {
  /** Every environment that exists now (all were validated). */
  readonly environments: readonly string[];
  /**
   * The top-level entries of a stack folder that synth owns: cdktf's configuration (JSON, or HCL
   * and its metadata) and the handoff documents folder. Everything else there (`.terraform`, the
   * lock file, a saved plan) belongs to Terraform or the user and is never touched.
   */
  readonly owned: readonly string[];
  /** Where removed folders and files go, for deletion after the run. */
  readonly trash: string;
}

/** Moves `path` into the trash (a rename: instant, and safe for anyone still using it). */
function discard(path: string, trash: string): void {
  mkdirSync(trash, { recursive: true });
  renameSync(path, join(trash, `${basename(path)}-${readdirSync(trash).length}`));
}

/** Removes what synth wrote into `folder` last time and does not write now. */
function discardStale(folder: string, files: StackFiles, owned: readonly string[], trash: string): void {
  const fresh = new Set([...files.keys()]);
  const freshTop = new Set([...fresh].map((f) => f.split('/')[0]));
  for (const entry of readdirSync(folder)) {
    if (!owned.includes(entry)) continue;
    if (!freshTop.has(entry)) discard(join(folder, entry), trash);
    else if (isDirectory(join(folder, entry))) {
      for (const file of readdirSync(join(folder, entry))) {
        if (!fresh.has(`${entry}/${file}`)) discard(join(folder, entry, file), trash);
      }
    }
  }
}

/**
 * Writes synthesized stacks into `outdir`, in place: stack folders stay where they are, with
 * their `.terraform`, so a `terraform plan` or `apply` running in one is undisturbed, and only
 * changed files are written. Stack folders of environments that no longer exist go to the trash.
 */
export function writeStacks(outdir: string, stacks: ReadonlyMap<string, StackFiles>, options: WriteOptions): void {
  const stacksDir = join(outdir, Manifest.stacksFolder);
  mkdirSync(stacksDir, { recursive: true });
  for (const [name, files] of stacks) {
    const folder = join(stacksDir, name);
    const existed = existsSync(folder);
    for (const [file, content] of files) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeIfChanged(join(folder, file), content);
    }
    if (existed) discardStale(folder, files, options.owned, options.trash);
  }
  for (const name of readdirSync(stacksDir)) {
    if (!options.environments.includes(name)) discard(join(stacksDir, name), options.trash);
  }
}

/**
 * Writes the manifest, last and in one rename. Stacks not synthesized this time (a selected synth)
 * stay listed as they were: the cdktf CLI deletes every stack folder its manifest does not list.
 */
export function writeManifest(outdir: string, fresh: ManifestFile, environments: readonly string[], staging: string) {
  const previous = readManifest(outdir);
  const stacks: Record<string, StackManifest> = {};
  for (const name of environments) {
    const entry = fresh.stacks[name] ?? previous?.stacks[name];
    if (entry !== undefined && existsSync(join(outdir, entry.synthesizedStackPath))) stacks[name] = entry;
  }
  writeFileAtomically(join(outdir, Manifest.fileName), JSON.stringify({ version: fresh.version, stacks }, null, 2), {
    asideIn: staging,
  });
}
