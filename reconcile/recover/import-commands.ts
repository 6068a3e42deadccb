import { spawnSync } from 'node:child_process';
import { withOwnerOnlyFiles } from '../../runtime/owner-only-files';
import { shellCommand } from '../lookups/commands';
import type { MissingFromState } from './recovery';

const importArgs = (stackDir: string, resource: MissingFromState) => [
  `-chdir=${stackDir}`,
  'import',
  '-input=false',
  resource.address,
  resource.importId,
];

/** The exact `terraform import` command for a resource, to print or to paste. */
export const importCommand = (stackDir: string, resource: MissingFromState) =>
  shellCommand('terraform', ...importArgs(stackDir, resource));

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
    const run = withOwnerOnlyFiles(() =>
      spawnSync('terraform', [...importArgs(stackDir, resource), '-no-color'], { encoding: 'utf8' }),
    );
    const ok = run.error === undefined && run.status === 0;
    results.push({ resource, ok, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error?.message ?? ''}`.trim() });
    if (!ok) break;
  }
  return results;
}
