import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCommand } from '../../runtime/processes';
import { VARIABLES } from '../../runtime/environment-variables';
import { DEFAULT_PATHS, HANDOFF, projectRoot } from '../../runtime/project-paths';
import type { SourceProblem } from '../model';
import type { ProjectFiles } from './revision-files';
import type { TempSpace } from './temp-space';

/** One environment as a revision synthesizes it. */
export interface SynthesizedEnvironment {
  /** The parsed `cdk.tf.json`. */
  readonly config: Record<string, unknown>;
  /** The handoff documents by file name, line endings normalized. */
  readonly documents: ReadonlyMap<string, string>;
}

export type SynthResult =
  | { readonly ok: true; readonly environments: ReadonlyMap<string, SynthesizedEnvironment> }
  | { readonly ok: false; readonly problem: SourceProblem };

/** The files a revision's synth can need: code and JSON, never the tests. */
export function isSynthInput(path: string): boolean {
  return (
    !path.startsWith('test/') &&
    !path.endsWith('.d.ts') &&
    !path.endsWith('package-lock.json') &&
    /\.(ts|json|js|cjs|mjs)$/.test(path)
  );
}

/** An environment file, as `loadEnvironments` finds them: `environments/<name>.json`. */
export function isEnvironmentFile(path: string): boolean {
  return new RegExp(`^${DEFAULT_PATHS.environments}/[^/]+\\.json$`).test(path);
}

/** The installed dependencies every revision is built with: those of the running review. */
const NODE_MODULES = join(dirname(require.resolve('cdktf/package.json')), '..');
/** Runs a revision's TypeScript as it is (a revision is never built): from the sources, also when the review runs from dist/. */
const TS_REQUIRE = join(projectRoot(), 'review', 'ts-require.cjs');
/** What a revision's synth runs: its cdktf app. */
export const SYNTH_ENTRY = 'main.ts';
/** How `formatProblems` (config/problems.ts) opens its list, in every revision so far. */
const PROBLEMS_HEADER = /^\d+ problems? in \d+ environment files?; nothing was synthesized:$/m;

function writeFiles(root: string, files: Iterable<[string, Buffer]>): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

const topLevel = (path: string) => path.split('/')[0];

/**
 * A revision's folder. With `codeFrom`, a folder holding the same code (the other revision's, or
 * the project itself), only the environments folder is written and every other top-level entry of
 * the revision links to that folder's: creating files is what a revision costs most besides its
 * synth, and a pull request often changes environment files alone. The synth writes only into
 * its own output folder, so linked code is only read.
 */
function writeProject(root: string, files: ProjectFiles, codeFrom: string | undefined): void {
  if (codeFrom === undefined) {
    writeFiles(root, files);
  } else {
    mkdirSync(root, { recursive: true });
    const linked = new Set([...files.keys()].map(topLevel).filter((entry) => entry !== DEFAULT_PATHS.environments));
    for (const entry of linked) symlinkSync(join(codeFrom, entry), join(root, entry));
    writeFiles(
      root,
      [...files].filter(([path]) => topLevel(path) === DEFAULT_PATHS.environments),
    );
  }
  symlinkSync(NODE_MODULES, join(root, 'node_modules'), 'dir');
}

/**
 * What a revision's synth inherits from the caller: enough to run Node, nothing else. A revision's
 * code is the pull request's, and a synth needs no credentials: AWS keys, `GITHUB_TOKEN` and every
 * other variable stay with the caller.
 */
const INHERITED_VARIABLES = ['PATH', 'HOME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'SYSTEMROOT'];

/** The environment a revision's synth runs with. */
function revisionSynthEnv(root: string): NodeJS.ProcessEnv {
  const inherited = INHERITED_VARIABLES.filter((key) => process.env[key] !== undefined).map((key) => [
    key,
    process.env[key],
  ]);
  return {
    ...Object.fromEntries(inherited),
    CHECKPOINT_DISABLE: '1',
    [VARIABLES.outdir]: join(root, DEFAULT_PATHS.outdir),
    [VARIABLES.environments]: join(root, DEFAULT_PATHS.environments),
    [VARIABLES.synthOnly]: '1',
  };
}

async function run(space: TempSpace, root: string): Promise<{ status: number | null; stderr: string }> {
  // Linked code resolves its imports (the installed dependencies above all) from the revision's
  // folder, not from where the links point: the project may have no node_modules of its own.
  const synth = await runCommand(
    process.execPath,
    ['--preserve-symlinks', '--preserve-symlinks-main', '--require', TS_REQUIRE, SYNTH_ENTRY],
    { cwd: root, env: revisionSynthEnv(root), onStart: (child) => space.track(child) },
  );
  return { status: synth.status, stderr: synth.stderr };
}

function failure(side: string, status: number | null, stderr: string): SourceProblem {
  const text = stderr.replace(/^warning: .*\n/gm, '').trim();
  const header = PROBLEMS_HEADER.exec(text);
  if (header !== null) {
    const details = text
      .slice(header.index + header[0].length)
      .split('\n')
      .filter((line) => line.startsWith('  - '))
      .map((line) => line.slice(4));
    return {
      side,
      summary: `its environment files are invalid (${header[0].replace(/; nothing was synthesized:$/, '')})`,
      details,
    };
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return {
    side,
    summary: `its synth failed (exit ${status ?? 'by signal'})`,
    details: lines.length > 40 ? [...lines.slice(0, 40), `... ${lines.length - 40} more lines`] : lines,
  };
}

/**
 * Synthesizes every environment of one revision the way `cdktf synth` would, in a folder of its
 * own under `space`: the revision's own code and environment files, run through `ts-require.cjs`
 * with the installed dependencies. Absolute paths to that folder (local state paths) are written
 * back as the project's, so two revisions compare as they would in place.
 */
export async function synthesizeRevision(
  space: TempSpace,
  side: string,
  files: ProjectFiles,
  projectDir: string,
  codeFrom?: string,
): Promise<SynthResult> {
  if (![...files.keys()].some(isEnvironmentFile)) return { ok: true, environments: new Map() };
  if (!files.has(SYNTH_ENTRY)) {
    return {
      ok: false,
      problem: { side, summary: `it has environment files but no ${SYNTH_ENTRY} to synthesize them with`, details: [] },
    };
  }
  const root = join(space.root, side);
  writeProject(root, files, codeFrom);
  const { status, stderr } = await run(space, root);
  if (status !== 0) return { ok: false, problem: failure(side, status, stderr) };

  const localize = (text: string) => text.split(root).join(projectDir);
  const stacks = join(root, DEFAULT_PATHS.outdir, 'stacks');
  const environments = new Map<string, SynthesizedEnvironment>();
  for (const name of existsSync(stacks) ? readdirSync(stacks).sort() : []) {
    const handoff = join(stacks, name, HANDOFF.folder);
    const documents = new Map(
      (existsSync(handoff) ? readdirSync(handoff).sort() : []).map((file) => [
        file,
        localize(readFileSync(join(handoff, file), 'utf8')).replace(/\r\n/g, '\n'),
      ]),
    );
    const config = JSON.parse(localize(readFileSync(join(stacks, name, 'cdk.tf.json'), 'utf8'))) as Record<
      string,
      unknown
    >;
    environments.set(name, { config, documents });
  }
  return { ok: true, environments };
}
