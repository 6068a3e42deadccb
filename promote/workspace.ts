import type { Environment } from '../config/environment';
import { loadEnvironments } from '../config/load';
import { loadPromotionConfig, type PromotionConfig } from '../config/promotion';
import { projectPaths } from '../synth/project-paths';
import { staleEntries, type StaleEntry } from './plan';

/** The environments and the intended-differences file, validated together. */
export interface Workspace {
  readonly environmentsDir: string;
  /** Paths in messages are relative to it. */
  readonly cwd: string;
  readonly environments: readonly Environment[];
  readonly config: PromotionConfig;
  readonly stale: readonly StaleEntry[];
}

/** Throws a `ConfigError` listing every problem when an environment or the promotion file is invalid. */
export async function loadWorkspace(environmentsDir: string, cwd = process.cwd()): Promise<Workspace> {
  const environments = await loadEnvironments({
    projectDir: cwd,
    environmentsDir,
    outputDirs: projectPaths(cwd).outputDirs,
  });
  const config = loadPromotionConfig(environmentsDir, environments, cwd);
  return { environmentsDir, cwd, environments, config, stale: staleEntries(config, environments) };
}
