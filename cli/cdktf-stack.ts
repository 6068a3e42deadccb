import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadEnvironments } from '../config/load';
import { ConfigError } from '../config/problems';
import { restrictLocalStateFiles } from '../state/local-state-files';
import { projectPaths } from '../synth/project-paths';
import { stackSelectionEnv } from '../synth/stack-selection';

const USAGE = `usage: npm run plan -- <environment>... [cdktf options]
       npm run deploy -- <environment>... [cdktf options]

Runs \`cdktf diff\` or \`cdktf deploy\` for the named environments. cdktf synthesizes every stack
before it picks the ones asked for; this tells the app to synthesize only those (every file is
still validated) through CAMPAIGN_AAM_STACK, and afterwards makes their local state files
readable by their owner only.`;

/** The environment names among the arguments (everything else goes to cdktf untouched). */
function environmentArguments(args: readonly string[], environmentsDir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(environmentsDir);
  } catch {
    return [];
  }
  const names = new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')));
  return args.filter((arg) => !arg.startsWith('-') && names.has(arg));
}

function restrictStateOf(stacks: readonly string[], projectDir: string, environmentsDir: string): void {
  try {
    for (const env of loadEnvironments(environmentsDir, projectDir)) {
      if (stacks.includes(env.name)) restrictLocalStateFiles(env, projectDir);
    }
  } catch (error) {
    // An invalid file stopped synth, so Terraform wrote no state; cdktf has shown the problems.
    if (!(error instanceof ConfigError)) throw error;
  }
}

function main(args: string[]): void {
  const [command, ...rest] = args;
  if (command === undefined || rest.includes('--help')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const projectDir = process.cwd();
  const { environmentsDir } = projectPaths(projectDir);
  const stacks = environmentArguments(rest, environmentsDir);
  const child = spawn('npx', ['cdktf', command, ...rest], {
    stdio: 'inherit',
    env: { ...process.env, ...(stacks.length === 0 ? {} : stackSelectionEnv(stacks)) },
  });
  child.on('error', (error) => {
    console.error(`cannot run cdktf: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('close', (status, signal) => {
    restrictStateOf(stacks, projectDir, environmentsDir);
    process.exitCode = status ?? (signal === null ? 1 : 128);
  });
}

main(process.argv.slice(2));
