import { loadEnvironments } from '../config/load';
import type { Environment } from '../config/environment';
import { projectPaths } from '../synth/project-paths';

/** A mistake in how a command was called: printed as is, exit code 2. */
export class UsageError extends Error {}

/**
 * The environment a command names (`npm run <command> -- <environment>`), validated with every
 * other file (a broken file elsewhere is still reported), or a UsageError naming the known ones.
 */
export async function selectEnvironment(name: string | undefined, usage: string, projectDir = process.cwd()) {
  if (name === undefined || name.startsWith('-')) throw new UsageError(usage);
  const paths = projectPaths(projectDir);
  const environments = await loadEnvironments({
    projectDir,
    environmentsDir: paths.environmentsDir,
    outputDirs: paths.outputDirs,
  });
  const env: Environment | undefined = environments.find((e) => e.name === name);
  if (env === undefined) {
    throw new UsageError(`no environment named "${name}"; known: ${environments.map((e) => e.name).join(', ')}`);
  }
  return { env, paths, projectDir };
}
