import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withFieldReference } from '../config/field-reference';
import { environmentJsonSchema } from '../config/json-schema';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run schema

Regenerates what is derived from the schema's metadata: the editors' environment.schema.json and
the README's field reference (tests check both are current).`;

const root = resolve(__dirname, '..', '..');

async function main(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`npm run schema takes no arguments\n\n${USAGE}`);
  writeFileSync(join(root, 'environment.schema.json'), environmentJsonSchema());
  const readme = join(root, 'README.md');
  writeFileSync(readme, withFieldReference(readFileSync(readme, 'utf8')));
  return 0;
}

runCommandLine(main, { help: USAGE });
