import type { Environment } from "../../environments/schema";
import { capacityOf, placePod } from "../compute/placement";
import { platformWorkloads } from "../compute/platform-workloads";
import { podRequestsOf } from "../fargate/rules";
import type { FargateSize, PodRequests } from "../fargate/size";
import { environmentSamples } from "../workloads/samples";
import { workloadLabel } from "../workloads/workload";
import type { RegionPrices } from "./prices";

/** Identical pods of one controller that run on Fargate. */
export interface FargatePods {
  /** How messages name the controller, e.g. "Deployment kube-system/coredns". */
  label: string;
  /** How many pods run. */
  replicas: number;
  /** What each pod requests; Fargate sizes it from this. */
  pod: PodRequests;
}

/** How many replicas of the sample Deployments to price: the HPA's minimum (what always runs) or maximum. */
export type SampleScale = "min" | "max";

/**
 * Every pod the environment's stacks run that placement does not put on nodes (whose cost is the
 * nodes'): the platform's pods and the samples when they are on, at their HPA's minimum or maximum
 * replicas when workloads.autoscaling is set (`scale`).
 */
export function fargatePods(env: Environment, scale: SampleScale = "min"): FargatePods[] {
  const capacity = capacityOf(env);
  const { autoscaling } = env.workloads;
  const autoscaled = autoscaling && (scale === "min" ? autoscaling.minReplicas : autoscaling.maxReplicas);
  const samples = environmentSamples(env).map((w) => (autoscaled ? { ...w, replicas: autoscaled } : w));
  return [...platformWorkloads(env), ...samples]
    .filter((w) => placePod(capacity, w).on !== "nodes")
    .map((w) => ({ label: workloadLabel(w), replicas: w.replicas ?? 1, pod: podRequestsOf(w) }));
}

/** Whether the environment's pods can scale out: the samples run with an HPA whose maximum exceeds its minimum. */
export function canScaleOut(env: Environment): boolean {
  const { enabled, autoscaling } = env.workloads;
  return enabled && autoscaling !== undefined && autoscaling.maxReplicas > autoscaling.minReplicas;
}

/** What one pod of a Fargate size costs a month in a region, or undefined without both prices. */
export function fargatePodMonthlyUsd(
  size: Pick<FargateSize, "vcpu" | "memoryGb">,
  prices: RegionPrices,
  hoursPerMonth: number,
): number | undefined {
  const { fargateVcpuHour: vcpu, fargateGbHour: gb } = prices;
  if (!vcpu || !gb) return undefined;
  return (size.vcpu * vcpu.usd + size.memoryGb * gb.usd) * hoursPerMonth;
}
