import { isAbsolute, relative, resolve } from 'node:path';
import { writeFileAtomically } from '../runtime/atomic-write';
import { isIgnored } from '../runtime/git';
import { outputFile } from '../runtime/output-file';

/** `--json-plan` names a place where git would commit the plan. */
export class PlanJsonLocationError extends Error {}

/**
 * A plan as JSON holds the prior state, the plaintext secret included where there is no PGP key.
 * It may be written outside the project, or inside it only where git ignores it, so that no
 * `git add -A` can commit it.
 */
export function planJsonLocationProblem(projectDir: string, file: string): string | undefined {
  const path = resolve(file);
  const inside = relative(resolve(projectDir), path);
  if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
  // Ignored, or no repository (or no git): nothing can commit it.
  if (isIgnored(projectDir, inside) !== false) return undefined;
  return (
    'is inside the project and not ignored by git: a plan holds state, secrets included, and `git add -A` would commit it. ' +
    'Write it outside the project (e.g. "$RUNNER_TEMP/<environment>.plan.json" in CI) or name it <something>.plan.json, which .gitignore covers.'
  );
}

/** What `terraform show -json` of a plan starts with: how a plan JSON written earlier is recognized. */
const isPlanJson = (start: string) => /^\s*\{\s*"format_version"\s*:/.test(start);

/**
 * The file `--json-plan` names, checked before anything runs: a new file, or a plan JSON written
 * earlier (never an environment file, a folder or a link: see runtime/output-file), in a place git
 * does not commit. It is written atomically and readable by its owner only.
 */
export function planJsonFile(
  projectDir: string,
  given: string,
  /** @default - the caller's folder */
  cwd?: string,
): { readonly path: string; write(json: string): void } {
  const { path } = outputFile(given, 'plan JSON', isPlanJson, cwd);
  const problem = planJsonLocationProblem(projectDir, path);
  if (problem !== undefined) throw new PlanJsonLocationError(`--json-plan ${given} ${problem}`);
  return { path, write: (json) => writeFileAtomically(path, json, { mode: 0o600 }) };
}
