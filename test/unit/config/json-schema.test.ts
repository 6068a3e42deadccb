import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentJsonSchema } from '../../../config/json-schema';
import { PROJECT_DIR } from '../../support/run';

describe('environment.schema.json', () => {
  it('is current: regenerate it with `npm run schema` after changing the schema', () => {
    expect(readFileSync(join(PROJECT_DIR, 'environment.schema.json'), 'utf8')).toBe(environmentJsonSchema());
  });

  it('rejects unknown keys and lists the required sections', () => {
    const schema = JSON.parse(environmentJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['environment', 'organization', 'request', 'aws', 'receiver', 'dns', 'campaign']);
  });
});
