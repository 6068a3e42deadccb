import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIELD_REFERENCE_PAGE, withFieldReference } from '../config/field-reference';
import { environmentJsonSchema } from '../config/json-schema';
import { runCommandLine } from './run-command-line';
import { UsageError } from './usage-error';

const USAGE = `usage: npm run schema

Regenerates what is derived from the schema's metadata: the editors' environment.schema.json and
the field reference in docs/environment-files.md (tests check both are current).`;

const root = resolve(__dirname, '..', '..');

async function main(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`npm run schema takes no arguments\n\n${USAGE}`);
  writeFileSync(join(root, 'environment.schema.json'), environmentJsonSchema());
  const page = join(root, FIELD_REFERENCE_PAGE);
  writeFileSync(page, withFieldReference(readFileSync(page, 'utf8')));
  return 0;
}

runCommandLine(main, { help: USAGE });
