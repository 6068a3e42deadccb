'use strict';
/**
 * Runs TypeScript without a build step: `node --require ./review/ts-require.cjs some.ts`.
 *
 * Each `.ts` file is compiled when Node first requires it, with TypeScript's `transpileModule`
 * (one file at a time, no type check: `npm run typecheck` does that), using the compiler options
 * of the nearest `tsconfig.json`. The JavaScript is cached under `node_modules/.cache`, keyed by
 * the hash of the source, those options and the TypeScript version, so a file is compiled once
 * per content and a cache hit is always what a fresh compile would give. `npm run review` runs
 * through it, and so does every revision the review synthesizes, which is why a revision costs
 * about one synth rather than one `tsc` build.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const TYPESCRIPT_PACKAGE = require.resolve('typescript/package.json');
const TYPESCRIPT_VERSION = JSON.parse(readFileSync(TYPESCRIPT_PACKAGE, 'utf8')).version;
const CACHE_DIR = join(dirname(TYPESCRIPT_PACKAGE), '..', '.cache', 'campaign-aam-ts');

/** Loaded only when a file is not in the cache: loading TypeScript alone takes a noticeable while. */
let typescript;
const ts = () => (typescript ??= require('typescript'));

/** The nearest tsconfig.json's text, per folder. */
const configTextByDir = new Map();
function nearestConfig(dir) {
  if (configTextByDir.has(dir)) return configTextByDir.get(dir);
  let found;
  try {
    found = { dir, text: readFileSync(join(dir, 'tsconfig.json'), 'utf8') };
  } catch {
    const parent = dirname(dir);
    found = parent === dir ? { dir, text: '{}' } : nearestConfig(parent);
  }
  configTextByDir.set(dir, found);
  return found;
}

const optionsByConfig = new Map();
function compilerOptions(config) {
  const key = `${config.dir}\n${config.text}`;
  if (!optionsByConfig.has(key)) {
    const parsed = ts().parseConfigFileTextToJson('tsconfig.json', config.text).config ?? {};
    const { options } = ts().convertCompilerOptionsFromJson(parsed.compilerOptions ?? {}, config.dir);
    optionsByConfig.set(key, {
      ...options,
      module: ts().ModuleKind.CommonJS,
      noEmit: false,
      declaration: false,
      sourceMap: false,
      inlineSourceMap: false,
    });
  }
  return optionsByConfig.get(key);
}

function compile(filename) {
  const source = readFileSync(filename, 'utf8');
  const config = nearestConfig(dirname(filename));
  const hash = createHash('sha256').update(`${TYPESCRIPT_VERSION}\0${config.text}\0${source}`).digest('hex');
  const cached = join(CACHE_DIR, hash.slice(0, 2), `${hash}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not compiled yet
  }
  const output = ts().transpileModule(source, { fileName: filename, compilerOptions: compilerOptions(config) });
  try {
    mkdirSync(dirname(cached), { recursive: true });
    // Written aside and renamed, so a process running in parallel never reads half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, output.outputText);
    renameSync(partial, cached);
  } catch {
    // A read-only node_modules only costs the cache.
  }
  return output.outputText;
}

require.extensions['.ts'] = (module, filename) => module._compile(compile(filename), filename);
