// Where a pod runs, as EKS decides it: a pod that a Fargate profile selects is scheduled on Fargate
// (EKS's admission webhook gives it Fargate's scheduler, https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html),
// so Fargate's rules apply to it; any other pod goes to the default scheduler and the environment's
// nodes, if it has any. The guard, the cost estimate and the synthesis summary all ask this one function.

import type { Environment } from "../../environments/schema";
import { DAEMONSET_VIOLATION, fargateViolations, podRequestsOf, unselectedProblem } from "../fargate/rules";
import { type FargateProfileSelection, schedulingProfile } from "../fargate/selector";
import { type FargateSize, fargateSize, fargateSizeStepsAbove, requestedFargateSize } from "../fargate/size";
import type { Violation } from "../workloads/violation";
import type { Workload } from "../workloads/workload";

/** What provisions nodes: managed node groups, EKS Auto Mode or Karpenter. */
export type NodeProvisioner = "managed node groups" | "EKS Auto Mode" | "Karpenter";

/** The capacity of an environment, as placement needs it. */
export interface Capacity {
  /** Fargate profiles, matched as EKS matches them. */
  fargateProfiles: readonly FargateProfileSelection[];
  /** What provisions nodes for pods no profile selects; empty when the environment runs on Fargate alone. */
  nodes: readonly NodeProvisioner[];
}

/** Where a pod runs, at what size, or why it runs nowhere. */
export type Placement =
  | {
      /** On Fargate, one pod per Fargate node. */
      on: "fargate";
      /** The profile Fargate schedules it with. */
      profile: string;
      /** The size Fargate provisions for each pod. */
      size: FargateSize;
      /** The size the requests name, before Fargate adds its memory overhead. */
      requested: FargateSize;
      /** How many sizes Fargate's memory overhead and size table round the requests up. */
      stepsAbove: number;
    }
  | {
      /** On the environment's nodes. */
      on: "nodes";
      /** What provisions them. */
      provisioners: readonly NodeProvisioner[];
      /** Why not on Fargate, in words. */
      why: string;
    }
  | {
      /** Nowhere: its pods would stay Pending or be refused. */
      on: "nowhere";
      /** Each rule it breaks where it would go. */
      violations: Violation[];
    };

/** The capacity an environment's settings give it. */
export function capacityOf(env: Environment): Capacity {
  const { nodeGroups, autoMode, karpenter } = env.compute;
  // A provisioner without a pool launches nothing: Auto Mode needs a built-in or custom pool, Karpenter a pool.
  const autoModePools = autoMode.nodePools.length + autoMode.customNodePools.length;
  const nodes: NodeProvisioner[] = [
    ...(nodeGroups.length > 0 ? (["managed node groups"] as const) : []),
    ...(autoMode.enabled && autoModePools > 0 ? (["EKS Auto Mode"] as const) : []),
    ...(karpenter.enabled && karpenter.nodePools.length > 0 ? (["Karpenter"] as const) : []),
  ];
  return { fargateProfiles: env.cluster.fargateProfiles, nodes };
}

/** Where the workload's pods run in an environment with this capacity. */
export function placePod(capacity: Capacity, workload: Workload): Placement {
  const hasNodes = capacity.nodes.length > 0;
  // A DaemonSet runs a pod on every node and none on Fargate.
  if (workload.kind === "DaemonSet") {
    return hasNodes
      ? { on: "nodes", provisioners: capacity.nodes, why: "a DaemonSet runs on every node, and Fargate runs none" }
      : { on: "nowhere", violations: [DAEMONSET_VIOLATION] };
  }
  const profile = schedulingProfile(capacity.fargateProfiles, workload.namespace, workload.podLabels);
  if (!profile) {
    return hasNodes
      ? {
          on: "nodes",
          provisioners: capacity.nodes,
          why: `no Fargate profile selects namespace "${workload.namespace}"`,
        }
      : { on: "nowhere", violations: [["fargate-profile", unselectedProblem(workload, capacity.fargateProfiles)]] };
  }
  const violations = fargateViolations(workload);
  if (violations.length > 0) {
    // A selected pod goes to Fargate even where nodes exist: say how to move it onto them instead.
    const elsewhere: Violation[] = hasNodes
      ? [
          [
            "placement",
            `Fargate profile "${profile.name}" selects its pods, so they go to Fargate, not to the nodes ` +
              `(${capacity.nodes.join(", ")}); to run them on the nodes, use a namespace no Fargate profile selects`,
          ],
        ]
      : [];
    return { on: "nowhere", violations: [...violations, ...elsewhere] };
  }
  const pod = podRequestsOf(workload);
  return {
    on: "fargate",
    profile: profile.name,
    size: fargateSize(pod),
    requested: requestedFargateSize(pod),
    stepsAbove: fargateSizeStepsAbove(pod),
  };
}
