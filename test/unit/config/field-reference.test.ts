import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { shared } from '../../../config/field';
import { fieldCatalog } from '../../../config/field-catalog';
import { FIELD_REFERENCE_PAGE, withFieldReference } from '../../../config/field-reference';
import { PROJECT_DIR } from '../../support/run';

describe('field metadata', () => {
  const fields = fieldCatalog();

  it('gives every field of the schema a description and a promotion scope', () => {
    const missing = fields.filter((f) => !f.description || f.scope === undefined).map((f) => f.path);
    expect(missing).toEqual([]);
    expect(fields.length).toBeGreaterThan(50);
  });

  it('reports a field without metadata, so a new field cannot slip through unclassified', () => {
    const schema = z.strictObject({
      described: z.string().meta(shared('A field with its metadata.')),
      bare: z.number().default(1),
    });
    expect(fieldCatalog(schema).map((f) => [f.path, f.scope])).toEqual([
      ['described', 'shared'],
      ['bare', undefined],
    ]);
  });

  it('lists union variants apart, and fields common to every variant once', () => {
    const paths = fields.filter((f) => f.path.startsWith('campaign.dataSources[]'));
    expect(paths.map((f) => `${f.path}${f.variant === undefined ? '' : ` (${f.variant})`}`)).toEqual([
      'campaign.dataSources[].type',
      'campaign.dataSources[].alias (type: "visitor-id")',
      'campaign.dataSources[].aamDestinationId',
      'campaign.dataSources[].servesTriggers',
      'campaign.dataSources[].priority',
      'campaign.dataSources[].label (type: "declared-id")',
      'campaign.dataSources[].alias (type: "declared-id")',
      'campaign.dataSources[].reconciliationKey (type: "declared-id")',
      'campaign.dataSources[].integrationCode (type: "declared-id")',
    ]);
  });

  it(`keeps the field reference in ${FIELD_REFERENCE_PAGE} equal to the schema: run \`npm run schema\` after changing it`, () => {
    const page = readFileSync(join(PROJECT_DIR, FIELD_REFERENCE_PAGE), 'utf8');
    expect(page).toBe(withFieldReference(page));
  });
});
