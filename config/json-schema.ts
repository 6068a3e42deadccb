import { z } from 'zod';
import type { FieldMeta } from './field';
import { environmentShape } from './schema';

const SCOPE_NOTES = {
  'per-environment': 'Per environment: never promoted.',
  shared: 'Shared: `npm run promote` copies it to the next environment.',
  'presence-shared':
    'Its value is per environment, but whether it is set is shared: `npm run promote` removes it where the source has none, and asks for a value where the source has one.',
} as const;

/**
 * JSON Schema of the environment file for editors (completion, hover help and inline errors via
 * `$schema`). It describes the shape only; cross-field rules are enforced by `cdktf synth`.
 */
export function environmentJsonSchema(): string {
  const schema = z.toJSONSchema(environmentShape, {
    io: 'input',
    unrepresentable: 'any',
    // The promotion scope becomes part of the hover text rather than an unknown keyword.
    override: ({ jsonSchema }) => {
      const scope = (jsonSchema as Partial<FieldMeta>).scope;
      if (scope === undefined) return;
      delete (jsonSchema as Record<string, unknown>).scope;
      jsonSchema.description = `${jsonSchema.description ?? ''} ${SCOPE_NOTES[scope]}`.trim();
    },
  });
  return `${JSON.stringify({ ...schema, title: 'Campaign ↔ Audience Manager environment' }, null, 2)}\n`;
}
