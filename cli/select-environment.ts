import { loadEnvironments } from '../config/load';
import type { Environment } from '../config/environment';
import { projectPaths } from '../runtime/project-paths';
import { unknownEnvironment } from '../config/environment-files';
import { UsageError } from './usage-error';

/**
 * The environment a command names (`npm run <command> -- <environment>`), validated with every
 * other file (a broken file elsewhere is still reported), or a UsageError naming the known ones.
 */
export async function selectEnvironment(name: string | undefined, usage: string, projectDir = process.cwd()) {
  if (name === undefined || name.startsWith('-')) throw new UsageError(usage);
  const { selected, paths } = await selectEnvironments([name], projectDir);
  const env: Environment = selected[0];
  return { env, paths, projectDir };
}

/**
 * The environments a command names, in that order (every one when `names` is empty), and all of
 * them, validated together; a UsageError names any unknown name and the known ones.
 */
export async function selectEnvironments(names: readonly string[], projectDir = process.cwd()) {
  const paths = projectPaths(projectDir);
  const environments = await loadEnvironments({
    projectDir,
    environmentsDir: paths.environmentsDir,
    outputDirs: paths.outputDirs,
  });
  const known = environments.map((e) => e.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(unknownEnvironment(unknown, known));
  const selected = names.length === 0 ? environments : names.map((name) => environments.find((e) => e.name === name)!);
  return { selected, all: environments, paths, projectDir };
}
