import { loadEnvironments } from '../config/load';
import type { Environment } from '../config/environment';
import { projectPaths } from '../synth/project-paths';
import { unknownEnvironment } from '../config/environment-files';
import { UsageError } from './usage-error';

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
    throw new UsageError(
      unknownEnvironment(
        name,
        environments.map((e) => e.name),
      ),
    );
  }
  return { env, paths, projectDir };
}
