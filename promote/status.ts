import type { Lane } from '../config/promotion-lanes';
import type { PromotionGraph } from './lanes';
import { lags, planPromotion, type PromotionPlan } from './plan';
import { environmentNamed } from './promote';
import { lanesOf, type Workspace } from './workspace';

export interface LaneStatus {
  readonly lane: Lane;
  /** One per step of the lane, in order. */
  readonly steps: readonly { readonly plan: PromotionPlan; readonly lags: boolean }[];
}

export interface PromotionStatus {
  readonly source: PromotionGraph['source'];
  readonly lanes: readonly LaneStatus[];
}

/** How far each environment lags the one it is promoted from, lane by lane. */
export function promotionStatus(workspace: Workspace): PromotionStatus {
  const graph = lanesOf(workspace);
  const lanes = graph.lanes.map((lane) => ({
    lane,
    steps: graph.edges
      .filter((edge) => edge.lane === lane.name)
      .map((edge) => {
        const from = environmentNamed(workspace, edge.from);
        const plan = planPromotion(from, environmentNamed(workspace, edge.to), edge.lane, workspace.config);
        return { plan, lags: lags(plan) };
      }),
  }));
  return { source: graph.source, lanes };
}
