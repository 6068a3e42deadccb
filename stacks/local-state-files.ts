import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Environment } from '../config/environment';
import { localStateFile } from '../config/project-layout';

/** Owner read and write only: local state holds the secret access key in plain text without PGP. */
const OWNER_ONLY = 0o600;

/** The local state file of an environment and the `.backup` copy Terraform keeps beside it. */
export function localStateFiles(env: Environment, projectDir: string): string[] {
  const state = localStateFile(env, projectDir);
  return state === undefined ? [] : [state, `${state}.backup`];
}

function chmodIfPresent(file: string): void {
  try {
    chmodSync(file, OWNER_ONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Makes an environment's local state and its backup readable by their owner only. Call it after
 * every command of ours that lets Terraform write local state (deploy, local, recover).
 */
export function restrictLocalStateFiles(env: Environment, projectDir: string): void {
  for (const file of localStateFiles(env, projectDir)) chmodIfPresent(file);
}

/**
 * Creates an environment's local state and backup files, empty and owner-only, where they do not
 * exist yet, and tightens them where they do. Terraform writes into an existing state file and
 * keeps its mode (it creates new ones world-readable), and reads an empty one as no state yet;
 * so a synth before every plan or deploy keeps the secret in owner-only files from the first
 * write on, whichever way Terraform is run.
 */
export function prepareLocalStateFiles(env: Environment, projectDir: string): void {
  for (const file of localStateFiles(env, projectDir)) {
    mkdirSync(dirname(file), { recursive: true });
    // 'a' creates a missing file and leaves an existing one as it is.
    closeSync(openSync(file, 'a', OWNER_ONLY));
    chmodSync(file, OWNER_ONLY);
  }
}
