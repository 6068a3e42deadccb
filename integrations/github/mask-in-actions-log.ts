import { VARIABLES } from '../../runtime/environment-variables';
/**
 * Asks GitHub Actions to mask `value` (print `***` instead) in every later line of the job's log.
 * Secrets passed through `secrets.*` are masked already; a value a command reads itself (the
 * secret access key from the deploy outputs, say) is not, until this is printed. Outside Actions
 * (`GITHUB_ACTIONS` unset) it prints nothing.
 */
export function maskInActionsLog(value: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env[VARIABLES.github.actions] !== 'true' || value === '') return;
  // The workflow-command escaping of @actions/core's setSecret: the runner reads the value back unescaped.
  const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::add-mask::${escaped}\n`);
}
