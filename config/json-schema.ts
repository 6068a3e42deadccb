import { z } from 'zod';
import { environmentShape } from './schema';

/**
 * JSON Schema of the environment file for editors (completion and inline errors via `$schema`).
 * It describes the shape only; cross-field rules are enforced by `cdktf synth`.
 */
export function environmentJsonSchema(): string {
  const schema = z.toJSONSchema(environmentShape, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Campaign ↔ Audience Manager environment' }, null, 2)}\n`;
}
