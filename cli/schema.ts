import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { environmentJsonSchema } from '../config/json-schema';

/** Regenerates `environment.schema.json` (run by `npm run schema`; a test checks it is current). */
writeFileSync(resolve(__dirname, '..', '..', 'environment.schema.json'), environmentJsonSchema());
