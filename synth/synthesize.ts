import { App } from 'cdktf';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Environment } from '../config/environment';
import { loadEnvironments } from '../config/load';
import { ConfigError } from '../config/problems';
import { layoutProblems, type ProjectLayout } from '../config/project-layout';
import { campaignSetupSheet } from '../handoff/campaign-setup-sheet';
import { provisioningEmail } from '../handoff/provisioning-email';
import { EnvironmentStack } from '../stacks/environment-stack';
import { HANDOFF, stagingDirOf } from './project-paths';

export interface SynthesizeOptions {
  /** Folder of `*.json` environment files. */
  readonly environmentsDir: string;
  /** Where stacks and documents go (cdktf's `CDKTF_OUTDIR`, normally `cdktf.out`). */
  readonly outdir: string;
  /** The project folder: paths in messages and local state are relative to it. */
  readonly projectDir: string;
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
  /** Folder holding `cdk.tf.json`. */
  readonly stackDir: string;
  /** The handoff documents written for it. */
  readonly documents: string[];
  /** Warnings and notes recorded during synth, e.g. suppressed policy findings with their reasons. */
  readonly notices: string[];
}

interface Manifest {
  stacks: Record<string, { annotations: { level: string; message: string }[] }>;
}

function writeHandoff(env: Environment, stackDir: string, projectDir: string, finalStackDir: string): string[] {
  const folder = join(stackDir, HANDOFF.folder);
  mkdirSync(folder, { recursive: true });
  const email = join(folder, HANDOFF.email);
  const sheet = join(folder, HANDOFF.sheet);
  writeFileSync(email, provisioningEmail(env));
  writeFileSync(
    sheet,
    campaignSetupSheet(env, { stackDir: relative(projectDir, finalStackDir), emailFile: HANDOFF.email }),
  );
  return [HANDOFF.email, HANDOFF.sheet].map((f) => join(finalStackDir, HANDOFF.folder, f));
}

/** What `terraform init` left in a stack folder: kept across synths, so `terraform output` keeps working. */
const TERRAFORM_WORKING_STATE = ['.terraform', '.terraform.lock.hcl'];

function keepTerraformWorkingState(outdir: string, staging: string, stacks: string[]): void {
  for (const stack of stacks) {
    for (const entry of TERRAFORM_WORKING_STATE) {
      const previous = join(outdir, 'stacks', stack, entry);
      if (existsSync(previous)) renameSync(previous, join(staging, 'stacks', stack, entry));
    }
  }
}

/**
 * Validates every environment, then synthesizes all stacks and their handoff documents into a
 * staging folder that replaces `outdir` only when everything succeeded. On any error, `outdir` is
 * removed too, so no stale or partial output can be mistaken for the current one. An output folder
 * that is or holds the project is refused before anything is touched.
 */
export async function synthesize(options: SynthesizeOptions): Promise<SynthesizedEnvironment[]> {
  const staging = stagingDirOf(options.outdir);
  const layout: ProjectLayout = {
    projectDir: options.projectDir,
    environmentsDir: options.environmentsDir,
    outputDirs: [options.outdir, staging],
  };
  const unsafe = layoutProblems(layout);
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  rmSync(staging, { recursive: true, force: true });
  let createdParent: string | undefined;
  try {
    const environments = await loadEnvironments(layout);
    // A CDKTF_OUTDIR such as `build/out` may name a folder whose parent does not exist yet.
    createdParent = mkdirSync(dirname(staging), { recursive: true });
    // Validations are skipped: each `terraform_data` would spawn `terraform version`; main checks it once.
    const app = new App({ outdir: staging, skipValidation: true });
    const total = environments.length;
    const progress = (phase: SynthProgress['phase'], done: number) => options.onProgress?.({ phase, done, total });
    const stacks = environments.map((environment, i) => {
      progress('building stacks', i);
      return new EnvironmentStack(app, { environment, projectDir: options.projectDir });
    });
    progress('synthesizing', 0);
    app.synth();
    const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as Manifest;
    const results = stacks.map((stack, i): SynthesizedEnvironment => {
      progress('writing handoff documents', i);
      const stackDir = join(options.outdir, 'stacks', stack.node.id);
      return {
        name: stack.node.id,
        stackDir,
        documents: writeHandoff(environments[i], join(staging, 'stacks', stack.node.id), options.projectDir, stackDir),
        notices: manifest.stacks[stack.node.id].annotations.map((a) => `${a.level}: ${a.message}`),
      };
    });
    keepTerraformWorkingState(
      options.outdir,
      staging,
      results.map((r) => r.name),
    );
    rmSync(options.outdir, { recursive: true, force: true });
    renameSync(staging, options.outdir);
    return results;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(options.outdir, { recursive: true, force: true });
    if (createdParent !== undefined) rmSync(createdParent, { recursive: true, force: true });
    throw error;
  }
}
