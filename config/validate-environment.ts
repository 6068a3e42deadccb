import type { z } from 'zod';
import { environmentSchema, type Environment } from './environment';
import { isEnvironmentFileName } from './environment-files';
import { checkPgpPublicKey, isKeybaseReference } from './pgp-public-key';
import { ConfigError, type ConfigProblem, toProblems } from './problems';
import type { environmentShape } from './schema';

export type ValidatedEnvironment = { ok: true; environment: Environment } | { ok: false; problems: ConfigProblem[] };

/**
 * What an environment file holds before validation, as a type: what a library user writes in code.
 * Fields with a default are optional here; `parseEnvironmentConfig` fills them in.
 */
export type EnvironmentConfig = z.input<typeof environmentShape>;

/**
 * Validates one environment's data, already read from a file or built in code: shape with
 * defaults, and every rule of the environment alone (reading a base64 PGP key with OpenPGP, hence
 * asynchronous). `source` names it in the problems. Never throws for bad input.
 */
export async function validateEnvironment(data: unknown, name: string, source: string): Promise<ValidatedEnvironment> {
  const result = await environmentSchema.safeParseAsync(data, { reportInput: true });
  if (!result.success) {
    return { ok: false, problems: toProblems(source, environmentSchema, data, result.error.issues) };
  }
  const key = result.data.accessKey.pgpPublicKey;
  const check = key === undefined || isKeybaseReference(key) ? undefined : await checkPgpPublicKey(key);
  return {
    ok: true,
    environment: {
      ...result.data,
      name,
      sourceFile: source,
      pgpKey: check?.ok ? check.facts : undefined,
    },
  };
}

/**
 * The library's way in: validates an environment written in code exactly as `npm run synth`
 * validates an environment file (same schema, defaults, rules and messages), and returns the typed,
 * valid `Environment` that `CampaignAamIntegration` takes.
 *
 * @param config the environment, as an environment file would hold it (a parsed JSON file will do)
 * @param name the environment's name, as an environment file's base name would be: 1-31 lowercase
 *   letters, digits and hyphens, starting with a letter. IAM user, group and policy names derive from
 *   it (`campaign-aam-<name>`), so two environments in one AWS account need two names.
 * @param source what problems name the environment by
 * @default source - `name`
 * @throws ConfigError listing every problem at once, one line each (`<source>: <field> = <value>:
 *   <rule text> [rule: <id>]`); its `problems` holds them as data
 */
export async function parseEnvironmentConfig(
  config: EnvironmentConfig,
  name: string,
  source: string = name,
): Promise<Environment> {
  const nameProblems: ConfigProblem[] = isEnvironmentFileName(`${name}.json`)
    ? []
    : [
        {
          file: source,
          path: '',
          rule: 'environment-name',
          message: `the environment name ${JSON.stringify(name)} must be 1-31 lowercase letters, digits and hyphens, starting with a letter (AWS resource names derive from it)`,
        },
      ];
  const validated = await validateEnvironment(config, name, source);
  const problems = [...nameProblems, ...(validated.ok ? [] : validated.problems)];
  if (problems.length > 0 || !validated.ok) throw new ConfigError(problems);
  return validated.environment;
}
