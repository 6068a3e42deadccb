import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { environmentSchema, type Environment } from './environment';
import { ConfigError, type ConfigProblem, toProblems } from './problems';
import { PROMOTION_FILE } from './promotion';

const ENVIRONMENT_FILE = /^[a-z][a-z0-9-]{0,30}\.json$/;

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

/** Parses and validates one environment file's text. Never throws for bad input. */
export function parseEnvironment(file: string, text: string): Parsed {
  const name = basename(file).replace(/\.json$/, '');
  if (!ENVIRONMENT_FILE.test(basename(file))) {
    return {
      ok: false,
      problems: [
        {
          file,
          path: '',
          value: basename(file),
          rule: 'environment-file-name',
          message:
            'environment files are named `<name>.json` with a lowercase name of letters, digits and hyphens (it becomes the stack name)',
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(file, text, error as Error)] };
  }
  const result = environmentSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    return { ok: false, problems: toProblems(file, environmentSchema, data, result.error.issues) };
  }
  return { ok: true, environment: { ...result.data, name, sourceFile: file } };
}

/** Rules across files: environments deploy side by side, so their global names must not collide. */
function crossEnvironmentProblems(environments: readonly Environment[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const claim = (
    owners: Map<string, Environment>,
    key: string,
    env: Environment,
    path: string,
    rule: string,
    what: string,
  ) => {
    const owner = owners.get(key);
    if (owner) {
      problems.push({
        file: env.sourceFile,
        path,
        value: key,
        rule,
        message: `${what} is already used by \`${owner.sourceFile}\``,
      });
    } else {
      owners.set(key, env);
    }
  };
  const buckets = new Map<string, Environment>();
  const states = new Map<string, Environment>();
  for (const env of environments) {
    claim(
      buckets,
      env.receiver.bucketName,
      env,
      'receiver.bucketName',
      'unique-bucket-across-environments',
      'this bucket name',
    );
    if (env.backend.type === 's3') {
      claim(
        states,
        `s3://${env.backend.bucket}/${env.backend.key}`,
        env,
        'backend.key',
        'unique-state-across-environments',
        'this state location',
      );
    }
  }
  return problems;
}

/**
 * Reads every `*.json` environment file in `directory` and validates them all. Throws one
 * `ConfigError` listing every problem of every file, so a user fixes everything in one pass.
 */
export function loadEnvironments(directory: string, cwd = process.cwd()): Environment[] {
  let names: string[];
  try {
    names = readdirSync(directory)
      // The intended-differences file lives beside the environments but is not one.
      .filter((f) => f.endsWith('.json') && f !== PROMOTION_FILE)
      .sort();
  } catch {
    throw new ConfigError([
      {
        file: relative(cwd, directory) || directory,
        path: '',
        rule: 'environments-directory',
        message: 'cannot read the environments directory',
      },
    ]);
  }
  if (names.length === 0) {
    throw new ConfigError([
      {
        file: relative(cwd, directory) || directory,
        path: '',
        rule: 'environments-directory',
        message: 'holds no `*.json` environment file',
      },
    ]);
  }
  const environments: Environment[] = [];
  const problems: ConfigProblem[] = [];
  for (const name of names) {
    const path = join(directory, name);
    const parsed = parseEnvironment(relative(cwd, path), readFileSync(path, 'utf8'));
    if (parsed.ok) environments.push(parsed.environment);
    else problems.push(...parsed.problems);
  }
  problems.push(...crossEnvironmentProblems(environments));
  if (problems.length > 0) throw new ConfigError(problems);
  return environments;
}
