import { neighbours, promotionOrder, type PromotionOrder } from './order';
import { lags, planPromotion, type PromotionPlan } from './plan';
import { environmentNamed } from './promote';
import type { Workspace } from './workspace';

export interface PromotionStatus {
  readonly order: PromotionOrder;
  /** One per neighbouring pair along the order. */
  readonly steps: readonly { readonly plan: PromotionPlan; readonly lags: boolean }[];
}

/** How far each environment lags the one before it along the promotion order. */
export function promotionStatus(workspace: Workspace): PromotionStatus {
  const order = promotionOrder(workspace.environments, workspace.config);
  const steps = neighbours(order).map(([from, to]) => {
    const plan = planPromotion(environmentNamed(workspace, from), environmentNamed(workspace, to), workspace.config);
    return { plan, lags: lags(plan) };
  });
  return { order, steps };
}
