import { relative, resolve } from 'node:path';
import { isInside } from '../runtime/paths';
import { defaultLocalStatePath } from './defaults';
import type { Environment } from './environment';
import type { ConfigProblem } from './problems';

/** Where the project's files are, as absolute paths; synth passes them in (config/ does not know CDKTF_OUTDIR). */
export interface ProjectLayout {
  /** Relative paths in environment files (local state) resolve against it; messages are relative to it. */
  readonly projectDir: string;
  /** The folder of environment files. */
  readonly environmentsDir: string;
  /** Folders synth owns (the output folder and its staging folder): it writes and deletes in them. */
  readonly outputDirs: readonly string[];
}

/** The absolute state file of an environment with a local backend. */
export function localStateFile(env: Environment, projectDir: string): string | undefined {
  if (env.backend.type !== 'local') return undefined;
  return resolve(projectDir, env.backend.path ?? defaultLocalStatePath(env.name));
}

/**
 * Synth owns the output folder (it replaces stack files and deletes the folders of removed
 * environments, as the cdktf CLI does): it must not be, or hold, the project or its environments.
 */
export function layoutProblems(layout: ProjectLayout): ConfigProblem[] {
  return layout.outputDirs
    .filter((dir) => isInside(layout.projectDir, dir) || isInside(layout.environmentsDir, dir))
    .map((dir) => ({
      file: relative(layout.projectDir, dir) || '.',
      path: '',
      rule: 'output-folder-separate',
      message: `is the synth output folder (\`cdktf.out\`, or \`CDKTF_OUTDIR\`), which synth and the cdktf CLI own (they replace and delete what is in it), but it is or holds the project or its environments folder; point CDKTF_OUTDIR at a folder of its own, e.g. \`cdktf.out\``,
    }));
}

/** Local state inside a folder that synth deletes, or among the environment files, is lost or misread. */
export function localStateProblems(env: Environment, layout: ProjectLayout): ConfigProblem[] {
  const file = localStateFile(env, layout.projectDir);
  if (file === undefined) return [];
  const where = (folder: string) => relative(layout.projectDir, folder) || '.';
  const at = (rule: string, message: string): ConfigProblem => ({
    file: env.sourceFile,
    path: 'backend.path',
    value: env.backend.type === 'local' ? (env.backend.path ?? defaultLocalStatePath(env.name)) : undefined,
    rule,
    message,
  });
  const output = layout.outputDirs.find((dir) => isInside(file, dir));
  if (output !== undefined) {
    return [
      at(
        'local-state-outside-output',
        `is inside \`${where(output)}\`, the synth output folder, which synth and the cdktf CLI own (they delete stack folders, and people delete the whole folder to start clean), so the state would be lost; keep state beside the project files, e.g. \`${defaultLocalStatePath(env.name)}\``,
      ),
    ];
  }
  if (isInside(file, layout.environmentsDir)) {
    return [
      at(
        'local-state-outside-environments',
        `is inside \`${where(layout.environmentsDir)}\`, where every file must be an environment file; keep state elsewhere, e.g. \`${defaultLocalStatePath(env.name)}\``,
      ),
    ];
  }
  return [];
}
