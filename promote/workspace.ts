import type { Environment } from '../config/environment';
import { loadEnvironments } from '../config/load';
import { loadPromotionConfig, type PromotionConfig } from '../config/promotion';
import { projectPaths } from '../runtime/project-paths';
import { LanesNeededError, promotionGraph, type PromotionGraph } from './lanes';
import { staleEntries, type StaleEntry } from './plan';

/** The environments and the promotion file, validated together. */
export interface Workspace {
  readonly environmentsDir: string;
  /** Paths in messages are relative to it. */
  readonly cwd: string;
  readonly environments: readonly Environment[];
  readonly config: PromotionConfig;
  /** The lanes, or why there are none yet: commands that compare or deploy along them throw it. */
  readonly graph: PromotionGraph | LanesNeededError;
  /** Declared differences that no longer differ along the lanes (none while the lanes are missing). */
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
  let graph: PromotionGraph | LanesNeededError;
  try {
    graph = promotionGraph(environments, config);
  } catch (error) {
    if (!(error instanceof LanesNeededError)) throw error;
    graph = error;
  }
  const stale = graph instanceof LanesNeededError ? [] : staleEntries(config, environments, graph);
  return { environmentsDir, cwd, environments, config, graph, stale };
}

/** The lanes of the workspace; throws `LanesNeededError` when promotion would have to guess them. */
export function lanesOf(workspace: Workspace): PromotionGraph {
  if (workspace.graph instanceof LanesNeededError) throw workspace.graph;
  return workspace.graph;
}
