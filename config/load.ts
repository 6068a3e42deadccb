import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { crossEnvironmentProblems } from './cross-environment';
import { environmentSchema, type Environment } from './environment';
import { environmentFiles, environmentName, fileNameProblem, isEnvironmentFileName } from './environment-files';
import { checkPgpPublicKey, isKeybaseReference } from './pgp-public-key';
import { ConfigError, type ConfigProblem, toProblems } from './problems';
import { layoutProblems, type ProjectLayout } from './project-layout';
import { decodeUtf8 } from './utf8';

/** Line and column of a JSON syntax error, from the position Node reports. */
function syntaxProblem(file: string, text: string, error: Error): ConfigProblem {
  const position = /position (\d+)/.exec(error.message);
  let where = '';
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = Number(position[1]) - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  const reason = error.message.replace(/\s*(in JSON )?at position \d+.*$/s, '');
  return { file, path: '', rule: 'json-syntax', message: `is not valid JSON${where}: ${reason}` };
}

type Parsed = { ok: true; environment: Environment } | { ok: false; problems: ConfigProblem[] };

/**
 * Parses and validates one environment file's text: JSON, shape with defaults, and every rule of
 * the file alone (reading a base64 PGP key with OpenPGP, hence asynchronous). Never throws for bad
 * input.
 */
export async function parseEnvironment(file: string, text: string): Promise<Parsed> {
  if (!isEnvironmentFileName(file.split(/[\\/]/).pop()!)) return { ok: false, problems: [fileNameProblem(file)] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(file, text, error as Error)] };
  }
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
    listing = environmentFiles(environmentsDir, readdirSync(environmentsDir, { withFileTypes: true }), projectDir);
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
    listing.files.map((path) => parseEnvironmentFile(relative(projectDir, path), readFileSync(path))),
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
