/**
 * What every field of the environment file means, and whether it should converge across
 * environments. Attached to the schema with zod's `.meta()`, so the one description feeds the
 * editor's hover help (`environment.schema.json`), the field reference (docs/environment-files.md) and promotion.
 *
 * - **per-environment**: identifies something in that one environment (label, tier, account,
 *   bucket and host names, IDs Adobe assigns per environment, backend). Never promoted.
 * - **shared**: behaviour that should be the same everywhere once a change has been promoted
 *   (prefixes, retention, data source aliases, account names...). `npm run promote` copies it.
 * - **presence-shared**: the value identifies something in one environment (an account, a key, a
 *   log bucket), but *whether it is set* is a security posture that should converge. Promotion
 *   removes it where the source has none (a guard rail refuses that into production) and asks for
 *   the target's own value where the source has one and the target has not.
 */
export type FieldScope = 'per-environment' | 'shared' | 'presence-shared';

export interface FieldMeta {
  /** One or two sentences: what it is, then its rules. Shown in editors and the field reference. */
  readonly description: string;
  readonly scope: FieldScope;
  /** Allows `[key: string]: unknown`, which zod's registry requires of metadata. */
  readonly [key: string]: unknown;
}

export const perEnvironment = (description: string): FieldMeta => ({ description, scope: 'per-environment' });
export const shared = (description: string): FieldMeta => ({ description, scope: 'shared' });
export const presenceShared = (description: string): FieldMeta => ({ description, scope: 'presence-shared' });
