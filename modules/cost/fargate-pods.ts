import type { Environment } from "../../environments/schema";
import { COREDNS_REPLICAS, COREDNS_RESOURCES } from "../addons/coredns-config";
import { METRICS_SERVER_REPLICAS, METRICS_SERVER_RESOURCES } from "../addons/metrics-server-config";
import { podRequestsOf } from "../fargate/guard";
import type { FargateSize, PodRequests } from "../fargate/size";
import { LB_CONTROLLER_CHART, lbControllerPods } from "../lb-controller/lb-controller";
import { sampleWorkloads } from "../workloads/samples";
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
 * Every Fargate pod the environment's stacks run: coredns and metrics-server (the add-ons stack), the
 * Load Balancer Controller (its Helm values over the chart's defaults) and the samples when they are on,
 * at their HPA's minimum or maximum replicas when workloads.autoscaling is set (`scale`).
 */
export function fargatePods(env: Environment, scale: SampleScale = "min"): FargatePods[] {
  const chart = LB_CONTROLLER_CHART;
  const { autoscaling } = env.workloads;
  const autoscaled = autoscaling && (scale === "min" ? autoscaling.minReplicas : autoscaling.maxReplicas);
  return [
    { label: "Deployment kube-system/coredns", replicas: COREDNS_REPLICAS, pod: { containers: [COREDNS_RESOURCES] } },
    { label: `Deployment ${chart.namespace}/${chart.name}`, ...lbControllerPods() },
    {
      label: "Deployment kube-system/metrics-server",
      replicas: METRICS_SERVER_REPLICAS,
      pod: { containers: [METRICS_SERVER_RESOURCES] },
    },
    ...sampleWorkloads(env.workloads).map((w) => ({
      label: workloadLabel(w),
      replicas: autoscaled ?? w.replicas ?? 1,
      pod: podRequestsOf(w),
    })),
  ];
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
