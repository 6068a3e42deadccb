import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { environmentJsonSchema } from '../../config/json-schema';

describe('environment.schema.json', () => {
  it('is current: regenerate it with `npm run schema` after changing the schema', () => {
    expect(readFileSync(resolve(__dirname, '../../environment.schema.json'), 'utf8')).toBe(environmentJsonSchema());
  });

  it('rejects unknown keys and lists the required sections', () => {
    const schema = JSON.parse(environmentJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['environment', 'organization', 'request', 'aws', 'receiver', 'dns', 'campaign']);
  });
});
