import { terraformSync } from '../../runtime/terraform';
import { shellCommand } from '../lookups/commands';
import type { MissingFromState } from './recovery';

const importArgs = (resource: MissingFromState) => ['import', '-input=false', resource.address, resource.importId];

/** The exact `terraform import` command for a resource, to print or to paste. */
export const importCommand = (stackDir: string, resource: MissingFromState) =>
  shellCommand('terraform', `-chdir=${stackDir}`, ...importArgs(resource));

export interface ImportResult {
  readonly resource: MissingFromState;
  readonly ok: boolean;
  /** Terraform's own message when it failed. */
  readonly output: string;
}

/** Runs `terraform import` for each resource in turn, stopping at the first failure. */
export function runImports(stackDir: string, resources: readonly MissingFromState[]): ImportResult[] {
  const results: ImportResult[] = [];
  for (const resource of resources) {
    const run = terraformSync(stackDir, [...importArgs(resource), '-no-color']);
    const ok = run.error === undefined && run.status === 0;
    results.push({ resource, ok, output: `${run.stdout}${run.stderr}${run.error?.message ?? ''}`.trim() });
    if (!ok) break;
  }
  return results;
}
