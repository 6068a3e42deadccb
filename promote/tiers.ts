import type { Environment } from '../config/environment';
import { fieldCatalog } from '../config/field-catalog';

/** The tiers in the order the schema lists them: development → staging → production. */
export const TIERS = fieldCatalog().find((f) => f.path === 'environment.tier')!.values as readonly string[];

export const tierIndex = (e: Environment) => TIERS.indexOf(e.environment.tier);

/** By tier, then by name. */
export const byTier = (a: Environment, b: Environment) => tierIndex(a) - tierIndex(b) || a.name.localeCompare(b.name);
