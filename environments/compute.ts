import { z } from "zod";
import { nodePoolProblems } from "./rules/node-pools";

// The shape of `compute`: the capacity an environment runs beyond Fargate. Each kind's rules (what AWS,
// EKS or Kubernetes would refuse) live with that kind; this file only says what may be written.

/** A name Kubernetes accepts for a NodePool and EKS for a node group: lowercase DNS label, part of Terraform names. */
const resourceName = z
  .string()
  .regex(
    /^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$/,
    "must be 1-32 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit",
  );

/** One disruption budget of a node pool: how many nodes may be disrupted at once, optionally only in a window. */
const disruptionBudget = z.strictObject({
  /** Nodes that may be disrupted at once: a count ("0", "2") or a share of the pool ("10%"). */
  nodes: z.string(),
  /** When the budget applies, as a cron expression in UTC, e.g. "0 9 * * mon-fri"; needs a duration. */
  schedule: z.string().optional(),
  /** How long the budget applies from each scheduled time, e.g. "8h" or "30m". */
  duration: z.string().optional(),
});

/** A node pool that Karpenter (or EKS Auto Mode's Karpenter) provisions nodes for. */
export const nodePoolSettings = z.strictObject({
  /** NodePool name. */
  name: resourceName,
  /** CPU architectures its nodes may have. */
  architectures: z.array(z.enum(["amd64", "arm64"], { message: 'must be "amd64" or "arm64"' })).min(1),
  /** Capacity types its nodes may be bought as. */
  capacityTypes: z.array(z.enum(["spot", "on-demand"], { message: 'must be "spot" or "on-demand"' })).min(1),
  /** EC2 instance categories, e.g. ["c", "m", "r"]. */
  instanceCategories: z.array(z.string()).min(1),
  /** Total vCPUs the pool may run at once: the bound on what it can cost. */
  cpuLimit: z.number().int().positive("must be a whole number of vCPUs, 1 or more"),
  /** Limits on voluntary disruption (consolidation, drift); left out, Karpenter's default of 10% applies. */
  disruptionBudgets: z.array(disruptionBudget).optional(),
});

/** Node pools, checked together: what Karpenter or Kubernetes would refuse is an error at load. */
const nodePools = z.array(nodePoolSettings).superRefine((pools, ctx) => {
  for (const { path, message } of nodePoolProblems(pools)) ctx.addIssue({ code: "custom", path, message });
});

/** A Kubernetes taint of a node group's nodes. */
const taint = z.strictObject({
  /** Taint key, a label key. */
  key: z.string(),
  /** Taint value, a label value (may be empty). */
  value: z.string().optional(),
  /** What happens to pods that do not tolerate it. */
  effect: z.enum(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], {
    message: 'must be "NO_SCHEDULE", "NO_EXECUTE" or "PREFER_NO_SCHEDULE"',
  }),
});

/** One EKS managed node group. */
export const nodeGroupSettings = z.strictObject({
  /** Node group name (EKS) and, with "_" for "-", its Terraform names. */
  name: resourceName,
  /** EC2 instance types, e.g. ["t3.medium"]; several spread Spot over more pools. */
  instanceTypes: z.array(z.string()).min(1, 'must list at least one instance type, e.g. ["t3.medium"]'),
  /** "ON_DEMAND" (default) or "SPOT". */
  capacityType: z.enum(["ON_DEMAND", "SPOT"], { message: 'must be "ON_DEMAND" or "SPOT"' }).default("ON_DEMAND"),
  /** Fewest nodes. */
  minSize: z.number().int().nonnegative("must be a whole number of nodes, 0 or more"),
  /** Most nodes. */
  maxSize: z.number().int().positive("must be a whole number of nodes, 1 or more"),
  /** Nodes at creation; afterwards the autoscaler owns the count. */
  desiredSize: z.number().int().nonnegative("must be a whole number of nodes, 0 or more"),
  /** Kubernetes labels of every node. */
  labels: z.record(z.string(), z.string()).default({}),
  /** Kubernetes taints of every node. */
  taints: z.array(taint).default([]),
  /** Root volume size in GiB (gp3, encrypted). */
  diskSizeGiB: z.number().int().min(1).max(16384).default(20),
  /** EKS AMI type; derived from the instance types' architecture (AL2023) when left out. */
  amiType: z.string().optional(),
});

/** Capacity beyond Fargate. Left out, the environment runs on Fargate alone. */
export const computeSettings = z
  .strictObject({
    /** EKS managed node groups, on the private subnets. */
    nodeGroups: z.array(nodeGroupSettings).default([]),
    /** VPC CNI prefix delegation: /28 prefixes per ENI slot, so nodes hold more pods. */
    prefixDelegation: z.boolean().default(false),
    /** EKS Auto Mode: EKS runs Karpenter, the load balancer controller and block storage for the cluster. */
    autoMode: z
      .strictObject({
        /** Switch Auto Mode on. */
        enabled: z.boolean().default(false),
        /** Built-in node pools to turn on. */
        nodePools: z
          .array(z.enum(["general-purpose", "system"], { message: 'must be "general-purpose" or "system"' }))
          .default(["general-purpose", "system"]),
        /** Node pools of your own on Auto Mode's default NodeClass. */
        customNodePools: nodePools.default([]),
      })
      .prefault({}),
    /** Karpenter, its controller on Fargate, provisioning nodes for pods no Fargate profile selects. */
    karpenter: z
      .strictObject({
        /** Install Karpenter. */
        enabled: z.boolean().default(false),
        /** Its node pools. */
        nodePools: nodePools.default([]),
      })
      .prefault({}),
  })
  .prefault({});

/** A node pool's settings. */
export type NodePoolSettings = z.output<typeof nodePoolSettings>;
/** A node group's settings. */
export type NodeGroupSettings = z.output<typeof nodeGroupSettings>;
/** An environment's compute settings, defaults applied. */
export type ComputeSettings = z.output<typeof computeSettings>;
