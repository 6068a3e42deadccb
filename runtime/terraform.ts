import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-write';
import {
  type CommandResult,
  runCommand,
  runCommandSync,
  type RunOptions,
  type SyncResult,
  type SyncRunOptions,
} from './processes';
import { cacheDir } from './project-paths';
import { variable, VARIABLES } from './environment-variables';

/** Where machines without registry access keep a filesystem mirror of the providers. */
const DEFAULT_MIRROR = '/opt/tf-plugins';

/**
 * Environment for running Terraform (directly or through cdktf) from the project's commands and
 * tests, on an offline CI machine as on an online laptop, without editing files by hand:
 * - if the user's `TF_CLI_CONFIG_FILE` exists, it is respected as is;
 * - otherwise, if a provider mirror exists (`TF_PROVIDER_MIRROR`, or /opt/tf-plugins), a CLI
 *   config in `.cache/` points `hashicorp/*` at it and everything else at the registry;
 * - otherwise Terraform's defaults apply (the registry).
 * A plugin cache under `.cache/` makes every `init` after the first a symlink, not a copy.
 * Worked out once per process: every later Terraform call reuses it.
 */
export function terraformEnv(): Record<string, string> {
  cached ??= prepareTerraformEnv();
  return { ...cached };
}

let cached: Record<string, string> | undefined;

function prepareTerraformEnv(): Record<string, string> {
  const cache = cacheDir('terraform');
  const pluginCache = join(cache, 'plugin-cache');
  mkdirSync(pluginCache, { recursive: true });
  const env: Record<string, string> = {
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TF_PLUGIN_CACHE_DIR: pluginCache,
  };
  const userConfig = process.env[VARIABLES.terraformConfig];
  if (userConfig !== undefined && existsSync(userConfig)) return env;

  const mirror = variable(VARIABLES.providerMirror) ?? DEFAULT_MIRROR;
  if (existsSync(join(mirror, 'registry.terraform.io'))) {
    const config = join(cache, 'terraformrc');
    // Written aside and renamed, so a Terraform started by a parallel process never reads half a file.
    writeFileAtomically(
      config,
      [
        `plugin_cache_dir = ${JSON.stringify(pluginCache)}`,
        'provider_installation {',
        `  filesystem_mirror {`,
        `    path    = ${JSON.stringify(mirror)}`,
        '    include = ["registry.terraform.io/hashicorp/*"]',
        '  }',
        '  direct {',
        '    exclude = ["registry.terraform.io/hashicorp/*"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    env[VARIABLES.terraformConfig] = config;
  } else if (userConfig !== undefined) {
    // A variable naming a missing file makes Terraform warn on every call; drop it.
    env[VARIABLES.terraformConfig] = '';
  }
  return env;
}

const chdir = (stackDir: string | undefined) => (stackDir === undefined ? [] : [`-chdir=${stackDir}`]);

/** The environment every cdktf and Terraform call of ours runs with: the caller's, offline-capable, no telemetry. */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...terraformEnv(), ...extra };
}

/**
 * The one way the project runs Terraform in a stack folder (`-chdir`): with `toolEnv()` (what
 * `options.env` names on top of it), its own process group and owner-only files (see `runCommand`).
 */
export function terraform(stackDir: string, args: string[], options: RunOptions = {}): Promise<CommandResult> {
  return runCommand('terraform', [`-chdir=${stackDir}`, ...args], { ...options, env: toolEnv(options.env) });
}

/**
 * `terraform version -json`'s output, or undefined when Terraform is not on PATH or fails. Without
 * the project's Terraform environment: a version needs no providers, and synth, which asks, writes
 * nothing outside its output folder (not even `.cache/terraform`).
 */
export async function terraformVersionJson(): Promise<string | undefined> {
  try {
    const run = await runCommand('terraform', ['version', '-json'], {
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    });
    return run.status === 0 ? run.stdout : undefined;
  } catch {
    return undefined; // not on PATH
  }
}

/** `terraform` for short calls that are waited for (`output`, `show`, `import`). */
export function terraformSync(stackDir: string | undefined, args: string[], options: SyncRunOptions = {}): SyncResult {
  return runCommandSync('terraform', [...chdir(stackDir), ...args], { ...options, env: toolEnv(options.env) });
}
