import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { crossEnvironmentProblems } from './cross-environment';
import type { Environment } from './environment';
import {
  environmentFiles,
  environmentName,
  fileNameProblem,
  isEnvironmentFileName,
  readEnvironmentFolderFile,
} from './environment-files';
import { ConfigError } from './problems';
import { layoutProblems, type ProjectLayout } from './project-layout';
import { decodeUtf8 } from './utf8';
import { parseFolderJson } from './folder-json';
import { validateEnvironment, type ValidatedEnvironment } from './validate-environment';

/**
 * Parses and validates one environment file's text: JSON, shape with defaults, and every rule of
 * the file alone (reading a base64 PGP key with OpenPGP, hence asynchronous). Never throws for bad
 * input.
 */
export async function parseEnvironment(file: string, text: string): Promise<ValidatedEnvironment> {
  if (!isEnvironmentFileName(file.split(/[\\/]/).pop()!)) return { ok: false, problems: [fileNameProblem(file)] };
  const json = parseFolderJson(file, text);
  if (!json.ok) return json;
  return validateEnvironment(json.value, environmentName(file), file);
}

/** Parses one file's bytes: UTF-8 first (never silently replaced), then `parseEnvironment`. */
export async function parseEnvironmentFile(file: string, bytes: Uint8Array): Promise<ValidatedEnvironment> {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const { offset, line, column, bytes: shown } = decoded.invalid;
    return {
      ok: false,
      problems: [
        {
          file,
          path: '',
          rule: 'utf8',
          message: `is not valid UTF-8 at byte ${offset} (line ${line}, column ${column}: ${shown}); save the file as UTF-8 (a Latin-1 or Windows-1252 editor setting is the usual cause)`,
        },
      ],
    };
  }
  return parseEnvironment(file, decoded.text);
}

/**
 * Reads every environment file in `layout.environmentsDir` and validates them all, each alone and
 * then against one another. Throws one `ConfigError` listing every problem of every file, so a user
 * fixes everything in one pass.
 */
export async function loadEnvironments(project: ProjectLayout): Promise<Environment[]> {
  const layout: ProjectLayout = {
    projectDir: resolve(project.projectDir),
    environmentsDir: resolve(project.environmentsDir),
    outputDirs: project.outputDirs.map((dir) => resolve(dir)),
  };
  const { environmentsDir, projectDir } = layout;
  const folder = relative(projectDir, environmentsDir) || environmentsDir;
  const setup = layoutProblems(layout);
  if (setup.length > 0) throw new ConfigError(setup);
  let listing;
  try {
    listing = environmentFiles(environmentsDir, readdirSync(environmentsDir), projectDir);
  } catch {
    throw new ConfigError([
      { file: folder, path: '', rule: 'environments-directory', message: 'cannot read the environments directory' },
    ]);
  }
  if (listing.files.length === 0 && listing.problems.length === 0) {
    throw new ConfigError([
      { file: folder, path: '', rule: 'environments-directory', message: 'holds no `*.json` environment file' },
    ]);
  }
  const parsed = await Promise.all(
    listing.files.map((path) => {
      const file = relative(projectDir, path);
      const read = readEnvironmentFolderFile(path, file);
      return read.ok ? parseEnvironmentFile(file, read.bytes) : { ok: false as const, problems: [read.problem] };
    }),
  );
  const environments = parsed.flatMap((p) => (p.ok ? [p.environment] : []));
  const problems = [
    ...listing.problems,
    ...parsed.flatMap((p) => (p.ok ? [] : p.problems)),
    ...crossEnvironmentProblems(environments, layout),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return environments;
}
