// The workload guard: every workload's pods must start somewhere. It asks placement where each runs,
// and Kubernetes' own security rules, and stops synthesis with every problem at once.

import { EnvironmentError, invalidEnvironment } from "../../environments/error";
import { securityViolations } from "../workloads/security-rules";
import { type Workload, workloadLabel } from "../workloads/workload";
import { type Capacity, type Placement, placePod } from "./placement";

/** A workload and where its pods run. */
export interface PlacedWorkload {
  /** The workload. */
  workload: Workload;
  /** Where its pods run: on Fargate or on the nodes. */
  placement: Exclude<Placement, { on: "nowhere" }>;
}

/**
 * Places every workload in an environment with this capacity. Throws one EnvironmentError listing
 * each violation with its rule and fix; otherwise returns where each workload's pods run.
 */
export function checkWorkloads(
  environment: string,
  capacity: Capacity,
  workloads: readonly Workload[],
): PlacedWorkload[] {
  const problems: string[] = [];
  const placed: PlacedWorkload[] = [];
  for (const workload of workloads) {
    const placement = placePod(capacity, workload);
    const violations = [...securityViolations(workload), ...(placement.on === "nowhere" ? placement.violations : [])];
    problems.push(...violations.map(([rule, text]) => `${workloadLabel(workload)} [${rule}]: ${text}`));
    if (violations.length === 0 && placement.on !== "nowhere") placed.push({ workload, placement });
  }
  if (problems.length > 0) {
    throw new EnvironmentError(invalidEnvironment(`"${environment}"`, problems));
  }
  return placed;
}
