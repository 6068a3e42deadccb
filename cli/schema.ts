import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withFieldReference } from '../config/field-reference';
import { environmentJsonSchema } from '../config/json-schema';

/**
 * `npm run schema`: regenerates what is derived from the schema's metadata, the editor's
 * `environment.schema.json` and the README's field reference (tests check both are current).
 */
const root = resolve(__dirname, '..', '..');
writeFileSync(join(root, 'environment.schema.json'), environmentJsonSchema());
const readme = join(root, 'README.md');
writeFileSync(readme, withFieldReference(readFileSync(readme, 'utf8')));
