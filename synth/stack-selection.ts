import { unknownEnvironment } from '../config/environment-files';
import { variable, VARIABLES } from '../runtime/environment-variables';

/** A selection that names no environment; its message says which names exist. */
export class StackSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackSelectionError';
  }
}

/**
 * The environments named in `CAMPAIGN_AAM_STACK` (comma-separated), or `undefined` (unset or empty) for all.
 * For `npx cdktf deploy <stack>`, which synthesizes every stack and only then picks the one asked
 * for (it tells the app nothing); `npm run plan`/`deploy` select in-process instead. Every file is
 * still validated, cross-file rules included; the other stacks keep their last synthesized
 * configuration.
 */
export function selectedStacks(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const names = (variable(VARIABLES.stack, env) ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length === 0 ? undefined : [...new Set(names)];
}

/** Checks that every selected name is an environment; throws with the known names otherwise. */
export function checkSelection(selection: readonly string[], environments: readonly string[]): void {
  const unknown = selection.filter((name) => !environments.includes(name));
  if (unknown.length > 0) throw new StackSelectionError(unknownEnvironment(unknown, environments));
}
