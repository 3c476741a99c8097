import type { Environment } from "../../environments/schema";
import { type CostEstimate, estimateCost } from "./estimate";
import { canScaleOut, fargatePods } from "./fargate-pods";
import type { PriceTable } from "./prices";

/**
 * The estimate of `env` (its pods at their HPAs' minReplicas, what always runs) and, where its pods
 * can scale out, `maxMonthlyUsd`: the same estimate with every HPA at its maxReplicas. Only the Fargate
 * pods differ between the two; load balancers, logs and the rest are priced as assumed either way.
 */
export function estimateCostRange(env: Environment, prices: PriceTable, today: string): CostEstimate {
  const estimate = estimateCost(env, prices, today);
  if (!canScaleOut(env)) return estimate;
  return { ...estimate, maxMonthlyUsd: estimateCost(env, prices, today, fargatePods(env, "max")).monthlyUsd };
}
