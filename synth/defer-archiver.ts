import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * cdktf loads the `archiver` zip library (and some forty modules behind it) the moment it is
 * required, for `TerraformAsset`, which this app does not use: a fifth of the time a one-stack
 * synth takes. Import this module before anything that loads cdktf: it puts a stand-in in
 * Node's module cache that loads the real library the first time anything calls or reads it.
 */
const load = createRequire(__filename);
const path = load.resolve('archiver', { paths: [dirname(load.resolve('cdktf/package.json'))] });

if (require.cache[path] === undefined) {
  let real: ((...args: unknown[]) => unknown) | undefined;
  const loadReal = () => {
    if (real === undefined) {
      delete require.cache[path];
      real = load(path) as (...args: unknown[]) => unknown;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(() => undefined, {
    apply: (_target, self, args) => Reflect.apply(loadReal(), self, args),
    get: (_target, property) => Reflect.get(loadReal(), property),
    has: (_target, property) => Reflect.has(loadReal(), property),
  });
  require.cache[path] = standIn;
}
