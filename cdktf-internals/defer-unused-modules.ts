import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import {
  type InstalledCore,
  installedCore,
  keepCoreBehaviour,
  type KnownCore,
  resolveFromCore,
} from './installed-core';

/**
 * Libraries that load dozens of modules the moment they are required, for features this app never
 * uses: together a fifth of the time a one-stack synth takes on cdktf 0.21. Import this module
 * before anything else: it puts stand-ins in Node's module cache that load the real module the
 * first time anything calls or reads it, so nothing changes for code that does use them.
 */
const load = createRequire(__filename);
const resolveFrom = (fromPackage: string, request: string) =>
  load.resolve(request, { paths: [dirname(load.resolve(`${fromPackage}/package.json`))] });

/**
 * What each known core loads up front and this app never uses. cdktf 0.21's TerraformAsset zips
 * folders with `archiver` (and some forty modules behind it); cdktn 0.24 zips with `fflate`, a
 * single file, so there is nothing worth deferring.
 */
const CORE_MODULES: Record<KnownCore, string[]> = { 'cdktf-0.21': ['archiver'], 'cdktn-0.24': [] };

function coreModules(core: InstalledCore): string[] {
  if (core.known === undefined) {
    keepCoreBehaviour('module deferral', core, 'what it loads up front is not known');
    return [];
  }
  const paths = CORE_MODULES[core.known].map(resolveFromCore);
  if (paths.some((path) => path === undefined)) {
    keepCoreBehaviour('module deferral', core, `it does not have ${CORE_MODULES[core.known].join(', ')}`);
    return [];
  }
  return paths as string[];
}

const DEFERRED = [
  ...coreModules(installedCore()),
  // zod re-exports every message locale (about fifty files); it uses English unless told otherwise.
  resolveFrom('zod', 'zod/v4/locales/index.cjs'),
];

function defer(path: string): void {
  if (require.cache[path] !== undefined) return;
  let real: object | undefined;
  const loadReal = (): object => {
    if (real === undefined) {
      delete require.cache[path];
      real = load(path) as object;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(() => undefined, {
    apply: (_target, self, args) => Reflect.apply(loadReal() as (...a: unknown[]) => unknown, self, args),
    // Transpiled imports ask whether a module is an ES module before touching it.
    get: (_target, property) => (property === '__esModule' ? true : Reflect.get(loadReal(), property)),
    has: (_target, property) => Reflect.has(loadReal(), property),
    ownKeys: () => Reflect.ownKeys(loadReal()),
    getOwnPropertyDescriptor: (_target, property) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(loadReal(), property);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
  });
  require.cache[path] = standIn;
}

for (const path of DEFERRED) defer(path);
