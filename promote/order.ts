import type { Environment } from '../config/environment';
import { fieldCatalog } from '../config/field-catalog';
import type { PromotionConfig } from '../config/promotion';

/** The tiers in the order the schema lists them: development → staging → production. */
const TIERS = fieldCatalog().find((f) => f.path === 'environment.tier')!.values as readonly string[];

export interface PromotionOrder {
  readonly names: readonly string[];
  /** Where the order comes from: the intended-differences file's `order`, or the tiers. */
  readonly source: 'explicit' | 'tier';
}

/** The order changes travel in: explicit when the intended-differences file gives one, else by tier, then name. */
export function promotionOrder(environments: readonly Environment[], config: PromotionConfig): PromotionOrder {
  if (config.order !== undefined) return { names: config.order, source: 'explicit' };
  const names = [...environments]
    .sort(
      (a, b) => TIERS.indexOf(a.environment.tier) - TIERS.indexOf(b.environment.tier) || a.name.localeCompare(b.name),
    )
    .map((e) => e.name);
  return { names, source: 'tier' };
}

/** Neighbouring pairs along the order: `[dev, staging], [staging, production]`. */
export const neighbours = (order: PromotionOrder): [string, string][] =>
  order.names.slice(1).map((name, i) => [order.names[i], name]);
