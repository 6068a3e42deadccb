import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseBoundedJson } from '../runtime/bounded-json';
import { crossEnvironmentProblems } from './cross-environment';
import { environmentSchema, type Environment } from './environment';
import {
  environmentFiles,
  environmentName,
  fileNameProblem,
  isEnvironmentFileName,
  MAX_ENVIRONMENT_FILE_BYTES,
  readEnvironmentFolderFile,
} from './environment-files';
import { checkPgpPublicKey, isKeybaseReference } from './pgp-public-key';
import { ConfigError, type ConfigProblem, toProblems } from './problems';
import { layoutProblems, type ProjectLayout } from './project-layout';
import { decodeUtf8 } from './utf8';

/**
 * Environment files are small and shallow (the schema nests five levels); the limits keep a
 * hostile file from costing more than a real one, and from overflowing any recursive step after
 * the parse (validation, messages).
 */
export const ENVIRONMENT_JSON_LIMITS = {
  maxBytes: MAX_ENVIRONMENT_FILE_BYTES,
  maxDepth: 32,
  excerpt: true,
  duplicateKeys: true,
} as const;

const JSON_RULES = {
  'too-large': 'environment-file-size',
  'too-deep': 'json-depth',
  syntax: 'json-syntax',
  'duplicate-key': 'json-duplicate-key',
} as const;

type Parsed = { ok: true; environment: Environment } | { ok: false; problems: ConfigProblem[] };

/**
 * Parses and validates one environment file's text: JSON, shape with defaults, and every rule of
 * the file alone (reading a base64 PGP key with OpenPGP, hence asynchronous). Never throws for bad
 * input.
 */
export async function parseEnvironment(file: string, text: string): Promise<Parsed> {
  if (!isEnvironmentFileName(file.split(/[\\/]/).pop()!)) return { ok: false, problems: [fileNameProblem(file)] };
  const json = parseBoundedJson(text, ENVIRONMENT_JSON_LIMITS);
  if (!json.ok)
    return {
      ok: false,
      problems: [{ file, path: '', rule: JSON_RULES[json.problem.kind], message: json.problem.message }],
    };
  const data = json.value;
  const result = await environmentSchema.safeParseAsync(data, { reportInput: true });
  if (!result.success) {
    return { ok: false, problems: toProblems(file, environmentSchema, data, result.error.issues) };
  }
  const key = result.data.accessKey.pgpPublicKey;
  const check = key === undefined || isKeybaseReference(key) ? undefined : await checkPgpPublicKey(key);
  return {
    ok: true,
    environment: {
      ...result.data,
      name: environmentName(file),
      sourceFile: file,
      pgpKey: check?.ok ? check.facts : undefined,
    },
  };
}

/** Parses one file's bytes: UTF-8 first (never silently replaced), then `parseEnvironment`. */
export async function parseEnvironmentFile(file: string, bytes: Uint8Array): Promise<Parsed> {
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
