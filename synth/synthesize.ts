import { App, Manifest } from 'cdktf';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Environment } from '../config/environment';
import { loadEnvironments } from '../config/load';
import { ConfigError } from '../config/problems';
import { layoutProblems, type ProjectLayout } from '../config/project-layout';
import { ownedFolder, removeOwned } from '../runtime/owned-folders';
import { campaignSetupSheet } from '../handoff/campaign-setup-sheet';
import { provisioningEmail } from '../handoff/provisioning-email';
import { EnvironmentStack } from '../stacks/environment-stack';
import { CollectingSynthesizer, type StackFiles } from '../cdktf-internals/collecting-synthesizer';
import {
  createStaging,
  foreignOutputFolder,
  type ManifestFile,
  type Staging,
  writeManifest,
  writeStacks,
} from './output-folder';
import { lockOutputFolder } from './output-lock';
import { HANDOFF, stagingDirOf } from '../runtime/project-paths';
import { removeInBackground } from './remove-in-background';
import { checkSelection } from './stack-selection';
import { skipTokenStackTraces } from '../cdktf-internals/token-stack-traces';

export interface SynthesizeOptions {
  /** Folder of `*.json` environment files. */
  readonly environmentsDir: string;
  /** Where stacks and documents go (cdktf's `CDKTF_OUTDIR`, normally `cdktf.out`). */
  readonly outdir: string;
  /** The project folder: paths in messages and local state are relative to it. */
  readonly projectDir: string;
  /**
   * Synthesize only these environments (every file is still validated).
   * @default - all of them
   */
  readonly stacks?: readonly string[];
  /** Told when this run waits for another one writing the same output folder, and when it proceeds. */
  readonly onWait?: (message: string) => void;
  /** Told as each phase advances, for a progress line on a terminal. */
  readonly onProgress?: (progress: SynthProgress) => void;
}

export interface SynthProgress {
  readonly phase: 'building stacks' | 'synthesizing' | 'writing handoff documents';
  readonly done: number;
  readonly total: number;
}

export interface SynthesizedEnvironment {
  readonly name: string;
  readonly environment: Environment;
  /** Folder holding `cdk.tf.json`. */
  readonly stackDir: string;
  /** The handoff documents written for it. */
  readonly documents: string[];
  /** Warnings and notes recorded during synth, e.g. suppressed policy findings with their reasons. */
  readonly notices: string[];
}

/** What cdktf writes into a stack folder: its JSON configuration, or (`--hcl`) HCL and its metadata. */
const SYNTHESIZED_CONFIGURATION = ['cdk.tf.json', 'cdk.tf', Manifest.stackMetadataPath];

/** The handoff documents of one environment, as files of its stack folder. */
function handoffFiles(env: Environment, projectDir: string, stackDir: string): [string, string][] {
  return [
    [`${HANDOFF.folder}/${HANDOFF.email}`, provisioningEmail(env)],
    [
      `${HANDOFF.folder}/${HANDOFF.sheet}`,
      campaignSetupSheet(env, { stackDir: relative(projectDir, stackDir), emailFile: HANDOFF.email }),
    ],
  ];
}

interface Synthesized {
  readonly results: SynthesizedEnvironment[];
  readonly stacks: Map<string, StackFiles>;
  readonly manifest: ManifestFile;
}

/** Synthesizes `environments` with their handoff documents, in memory (cdktf's manifest goes to `staging`). */
function synthesizeAll(staging: string, environments: readonly Environment[], options: SynthesizeOptions): Synthesized {
  skipTokenStackTraces();
  // Validations are skipped: each `terraform_data` would spawn `terraform version`; synthesizeProject checks it once.
  const app = new App({ outdir: staging, skipValidation: true, stackTraces: false });
  const total = environments.length;
  const progress = (phase: SynthProgress['phase'], done: number) => options.onProgress?.({ phase, done, total });
  const stacks = new Map<string, StackFiles>();
  environments.forEach((environment, i) => {
    progress('building stacks', i);
    const stack = new EnvironmentStack(app, { environment, projectDir: options.projectDir });
    stack.synthesizer = new CollectingSynthesizer(stack, (name, files) => stacks.set(name, files));
  });
  progress('synthesizing', 0);
  app.synth();
  const manifest = app.manifest.buildManifest() as unknown as ManifestFile;
  const results = environments.map((environment, i): SynthesizedEnvironment => {
    progress('writing handoff documents', i);
    const stackDir = join(options.outdir, Manifest.stacksFolder, environment.name);
    const files = stacks.get(environment.name);
    if (files === undefined) throw new Error(`cdktf synthesized no stack for ${environment.name}`);
    const documents = handoffFiles(environment, options.projectDir, stackDir);
    for (const [file, content] of documents) files.set(file, content);
    return {
      name: environment.name,
      environment,
      stackDir,
      documents: documents.map(([file]) => join(stackDir, file)),
      notices: (manifest.stacks[environment.name]?.annotations ?? []).map((a) => `${a.level}: ${a.message}`),
    };
  });
  return { results, stacks, manifest };
}

/** A synth whose output waits in its staging folder, holding the output lock until it is committed or abandoned. */
export interface StagedSynthesis {
  readonly results: readonly SynthesizedEnvironment[];
  /** Moves the output into place and releases the lock. */
  commit(): SynthesizedEnvironment[];
  /** Drops the output, leaving the output folder as it was, and releases the lock. */
  abandon(): void;
}

/**
 * Takes the output folder's lock (waiting while another run holds it), validates every
 * environment, and synthesizes all stacks (or the selected ones) with their handoff documents into
 * a staging folder of this run's own. On any error the lock is released and the output folder is
 * left exactly as it was, so a failed run never breaks output that another run or a running
 * Terraform is using, and a rejected file never leaves anything behind.
 */
export async function stageSynthesis(options: SynthesizeOptions): Promise<StagedSynthesis> {
  const layout: ProjectLayout = {
    projectDir: options.projectDir,
    environmentsDir: options.environmentsDir,
    outputDirs: [options.outdir, stagingDirOf(options.outdir)],
  };
  // An output folder that is or holds the project is refused before anything is touched.
  const unsafe = layoutProblems(layout);
  // (Said once: a folder that holds the project is not a synth output folder either.)
  const foreign = unsafe.length === 0 ? foreignOutputFolder(options.outdir) : undefined;
  if (foreign !== undefined) {
    unsafe.push({
      file: relative(options.projectDir, options.outdir) || '.',
      path: '',
      rule: 'output-folder-owned',
      message: foreign,
    });
  }
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  // A CDKTF_OUTDIR such as `build/out` may name a folder whose parent does not exist yet.
  const createdParent = mkdirSync(dirname(options.outdir), { recursive: true });
  const lock = await lockOutputFolder(options.outdir, options.onWait);
  let staging: Staging | undefined;
  const finish = () => {
    if (staging !== undefined) {
      removeOwned(ownedFolder(staging.root, 'the staging folder'), staging.staging);
      // What synth removed from the output can be large: it is deleted without waiting for it.
      const large = [...staging.leftovers, staging.trash].filter((path) => existsSync(path));
      if (large.length > 0) removeInBackground(large, staging.root);
      else removeEmptyFolders(staging.root, staging.root); // one another run uses meanwhile stays
    }
    lock.release();
  };
  /** A failed run leaves nothing behind, not even the folders it created for the output. */
  const fail = () => {
    finish();
    if (createdParent !== undefined) removeEmptyFolders(dirname(options.outdir), createdParent);
  };
  try {
    const environments = await loadEnvironments(layout);
    const names = environments.map((e) => e.name);
    if (options.stacks !== undefined) checkSelection(options.stacks, names);
    const chosen =
      options.stacks === undefined ? environments : environments.filter((e) => options.stacks?.includes(e.name));
    const { staging: folder, trash } = (staging = createStaging(options.outdir));
    const { results, stacks, manifest } = synthesizeAll(folder, chosen, options);
    return {
      results,
      commit() {
        try {
          lock.assertHeld();
          writeStacks(options.outdir, stacks, {
            environments: names,
            owned: [...SYNTHESIZED_CONFIGURATION, HANDOFF.folder],
            trash,
          });
          writeManifest(options.outdir, manifest, names, folder);
          return [...results];
        } finally {
          finish();
        }
      },
      abandon: fail,
    };
  } catch (error) {
    fail();
    throw error;
  }
}

/** Removes `folder` and its parents up to `top` as long as they are empty (another run may use them). */
function removeEmptyFolders(folder: string, top: string): void {
  for (let current = folder; ; current = dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      return;
    }
    if (current === top || dirname(current) === current) return;
  }
}

/**
 * Validates every environment, then synthesizes all stacks (or the selected ones) and their
 * handoff documents, which replace the stacks' files in `outdir` only when everything succeeded.
 * Runs on the same output folder take turns; see `stageSynthesis`.
 */
export async function synthesize(options: SynthesizeOptions): Promise<SynthesizedEnvironment[]> {
  return (await stageSynthesis(options)).commit();
}
