import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../../config/environment';
import { environmentFiles, environmentName } from '../../config/environment-files';
import { loadEnvironments } from '../../config/load';
import { projectPaths } from '../../runtime/project-paths';
import { PROJECT_DIR } from './run';

/** The shipped example environments. */
export const EXAMPLES_DIR = join(PROJECT_DIR, 'environments');

/** The examples' names, known before any test runs, so that tests can be generated per example. */
export function exampleNames(): string[] {
  return environmentFiles(EXAMPLES_DIR, readdirSync(EXAMPLES_DIR), PROJECT_DIR).files.map(environmentName);
}

/** The examples, validated as synth validates them. */
export function loadExamples(): Promise<Environment[]> {
  return loadEnvironments({
    projectDir: PROJECT_DIR,
    environmentsDir: EXAMPLES_DIR,
    outputDirs: projectPaths(PROJECT_DIR, {}).outputDirs,
  });
}
