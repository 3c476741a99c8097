import type { FargateSize } from "../fargate/size";
import { type Workload, workloadLabel } from "../workloads/workload";
import type { PlacedWorkload } from "./guard";

/** What one pod of a Fargate size costs a month, or undefined when the region has no price for it. */
export type FargatePodMonthlyUsd = (size: FargateSize) => number | undefined;

/**
 * The synthesis summary of an environment: where each workload's pods run (Fargate profile and size,
 * or the nodes and why), the `nodeLines` that describe its nodes, then warnings about Fargate rounding
 * requests up, with what the rounding costs when `podMonthlyUsd` knows the price.
 */
export function placementSummary(
  environment: string,
  placed: readonly PlacedWorkload[],
  nodeLines: readonly string[] = [],
  podMonthlyUsd?: FargatePodMonthlyUsd,
): string {
  const lines = placed.map(({ workload, placement }) => {
    const pods = podCount(workload);
    return placement.on === "fargate"
      ? `  ${workloadLabel(workload)}: ${pods} of ${placement.size.label} on Fargate, profile ${placement.profile}`
      : `  ${workloadLabel(workload)}: ${pods} on the nodes (${placement.provisioners.join(", ")}): ${placement.why}`;
  });
  const warnings = placed.flatMap(({ workload, placement }) =>
    placement.on === "fargate" && placement.stepsAbove > 1
      ? [
          `  Warning: ${workloadLabel(workload)}: Fargate's 256 MB overhead rounds its requests up ${placement.stepsAbove} sizes, ` +
            `to ${placement.size.label}${roundingCost(workload, placement.size, placement.requested, podMonthlyUsd)}; lower them by 256 MB to land on the ` +
            `size they name, or raise them to use what is paid for`,
        ]
      : [],
  );
  return [`Placement of "${environment}":`, ...lines, ...nodeLines.map((l) => `  ${l}`), ...warnings].join("\n");
}

function podCount(workload: Workload): string {
  return workload.replicas === undefined ? "pods" : `${workload.replicas} pod${workload.replicas === 1 ? "" : "s"}`;
}

// ", which costs $75.44 a month more than the 1 vCPU / 8 GB they name (2 pods)", or nothing without a price.
function roundingCost(
  workload: Workload,
  size: FargateSize,
  requested: FargateSize,
  podMonthlyUsd: FargatePodMonthlyUsd | undefined,
): string {
  const provisionedUsd = podMonthlyUsd?.(size);
  const requestedUsd = podMonthlyUsd?.(requested);
  if (provisionedUsd === undefined || requestedUsd === undefined) return "";
  const pods = workload.replicas ?? 1;
  const extra = (provisionedUsd - requestedUsd) * pods;
  const which = workload.replicas === undefined ? "per pod" : `${pods} pod${pods === 1 ? "" : "s"}`;
  return `, which costs $${extra.toFixed(2)} a month more than the ${requested.label} they name (${which})`;
}
