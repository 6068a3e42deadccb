import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The cores whose private code the contact points in this folder know (see README.md here). */
export type KnownCore = 'cdktf-0.21' | 'cdktn-0.24';

export interface InstalledCore {
  /** The package's own name: `cdktf`, or `cdktn` when `cdktf` is an alias of the fork. */
  readonly name: string;
  readonly version: string;
  /** Which known core this is; `undefined` for any other, where every contact point keeps the core's own behaviour. */
  readonly known: KnownCore | undefined;
}

const load = createRequire(__filename);

/** The core a name and version are, if it is one whose private code this folder knows. */
export function knownCore(name: string, version: string): KnownCore | undefined {
  if (name === 'cdktf' && /^0\.21\./.test(version)) return 'cdktf-0.21';
  if (name === 'cdktn' && /^0\.24\./.test(version)) return 'cdktn-0.24';
  return undefined;
}

let installed: InstalledCore | undefined;

/** The core that `import ... from 'cdktf'` loads here: cdktf itself or the cdktn fork installed under its name. */
export function installedCore(): InstalledCore {
  if (installed === undefined) {
    const manifest = load.resolve('cdktf/package.json');
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string };
    installed = { name, version, known: knownCore(name, version) };
  }
  return installed;
}

/** The installed core's package folder, to resolve what it requires itself. */
export const coreDir = () => dirname(load.resolve('cdktf/package.json'));

/** Resolves `request` as the installed core would, or `undefined` if it cannot. */
export function resolveFromCore(request: string): string | undefined {
  try {
    return load.resolve(request, { paths: [coreDir()] });
  } catch {
    return undefined;
  }
}

/**
 * One of the core's private modules, or `undefined` if this core has none by that name. Not
 * imported, so that a core without it cannot stop the app from loading; the plain `require`
 * gets the very module the core's own files get (under Jest too, unlike `createRequire`).
 */
export function privateModule<T = Record<string, unknown>>(request: `cdktf/lib/${string}`): T | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(request) as T;
  } catch {
    return undefined;
  }
}

const noticed = new Set<string>();

/**
 * Says, once per contact point and process, on stderr, that a contact point keeps the core's own
 * behaviour on this core: output stays the same, only the time it takes may not.
 */
export function keepCoreBehaviour(contactPoint: string, core: InstalledCore, why: string): void {
  if (noticed.has(contactPoint)) return;
  noticed.add(contactPoint);
  process.stderr.write(
    `note: ${contactPoint}: ${why} on ${core.name} ${core.version}; using ${core.name}'s own behaviour (see cdktf-internals/README.md)\n`,
  );
}
