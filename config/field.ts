/**
 * What every field of the environment file means, and whether it should converge across
 * environments. Attached to the schema with zod's `.meta()`, so the one description feeds the
 * editor's hover help (`environment.schema.json`), the README's field reference and promotion.
 *
 * - **per-environment**: identifies something in that one environment (label, tier, account,
 *   bucket and host names, IDs Adobe assigns per environment, backend). Never promoted.
 * - **shared**: behaviour that should be the same everywhere once a change has been promoted
 *   (prefixes, retention, data source aliases, account names...). `npm run promote` copies it.
 */
export type FieldScope = 'per-environment' | 'shared';

export interface FieldMeta {
  /** One or two sentences: what it is, then its rules. Shown in editors and the README. */
  readonly description: string;
  readonly scope: FieldScope;
  /** Allows `[key: string]: unknown`, which zod's registry requires of metadata. */
  readonly [key: string]: unknown;
}

export const perEnvironment = (description: string): FieldMeta => ({ description, scope: 'per-environment' });
export const shared = (description: string): FieldMeta => ({ description, scope: 'shared' });
