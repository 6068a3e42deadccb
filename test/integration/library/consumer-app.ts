import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from '../../support/run';

/**
 * A cdktf app of someone else's, as a library user writes it: docs/library.md's example, so the
 * page cannot show code that does not compile or run. The test writes these files into a
 * throw-away folder, compiles them with `tsc` (strict, Node 16 resolution, so the package's
 * `exports` and declarations are what the compiler sees) and runs the result.
 */

const START = '<!-- library-example:start';
const END = '<!-- library-example:end -->';

/** The TypeScript of docs/library.md's example. */
export function documentedExample(): string {
  const page = readFileSync(join(PROJECT_DIR, 'docs', 'library.md'), 'utf8');
  const section = page.slice(page.indexOf(START), page.indexOf(END));
  const code = /```ts\n([\s\S]*?)```/.exec(section);
  if (page.indexOf(START) < 0 || code === null) throw new Error('docs/library.md has no library example');
  return code[1];
}

/**
 * Compiled with the example: each `@ts-expect-error` fails the compile unless the package's types
 * reject what they should.
 */
export const TYPE_CHECKS = `import type { Environment, EnvironmentConfig } from 'campaign-aam-integration';

// @ts-expect-error a misspelt setting is a compile error before it is a validation error
export const misspelt: EnvironmentConfig['receiver'] = { bucketName: 'initech-aam', segmentRetentionDay: 14 };

// @ts-expect-error the construct takes only validated environments, never raw settings
export const unvalidated = (config: EnvironmentConfig): Environment => config;
`;

/** The app's tsconfig: strict, and `@types/node` from `typeRoots` (the project's copy). */
export const consumerTsconfig = (typeRoots: string) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      strict: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [typeRoots],
      outDir: 'dist',
    },
    include: ['*.ts'],
  });
