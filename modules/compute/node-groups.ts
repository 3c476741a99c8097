import type { ComputeSettings, NodeGroupSettings, NodePoolSettings } from "../../environments/compute";
import { type InstanceTypeInfo, instanceType } from "./instance-types";
import { maxPods } from "./max-pods";

// What a managed node group runs, computed from its settings and the vendored instance facts: the
// AMI type EKS launches and how many pods each node holds. The compute stack, the synthesis summary
// and the cost estimate read this plan, so they agree.

/** The EKS AMI types (AL2023, the AMI family nodeadm boots) this project launches, by what the instance needs. */
export const AL2023_AMI_TYPES = {
  x86_64: "AL2023_x86_64_STANDARD",
  arm64: "AL2023_ARM_64_STANDARD",
  nvidiaX86_64: "AL2023_x86_64_NVIDIA",
  nvidiaArm64: "AL2023_ARM_64_NVIDIA",
} as const;

/** One managed node group as deployed. */
export interface NodeGroupPlan {
  /** Its settings. */
  settings: NodeGroupSettings;
  /** The facts of each instance type, in the settings' order. */
  instanceTypes: InstanceTypeInfo[];
  /** The EKS AMI type: the setting, else derived from the instance types' architecture and GPUs. */
  amiType: string;
  /** Max pods of each instance type, in the settings' order. */
  podsByType: { instanceType: string; maxPods: number }[];
  /**
   * The kubelet's max pods on every node: the smallest of its instance types', since EKS applies the
   * smallest to a group of several types (EKS user guide, "Assign more IP addresses to Amazon EKS nodes with prefixes").
   */
  maxPods: number;
}

/** The AL2023 AMI type for these instance types: NVIDIA for GPUs, else by architecture. */
export function derivedAmiType(types: readonly InstanceTypeInfo[]): string {
  const arm = types.every((t) => t.architecture === "arm64");
  if (types.some((t) => t.gpus > 0)) return arm ? AL2023_AMI_TYPES.nvidiaArm64 : AL2023_AMI_TYPES.nvidiaX86_64;
  return arm ? AL2023_AMI_TYPES.arm64 : AL2023_AMI_TYPES.x86_64;
}

/** The plan of one node group; its instance types must be in the vendored table (the loader checks it). */
export function planNodeGroup(settings: NodeGroupSettings, prefixDelegation: boolean): NodeGroupPlan {
  const instanceTypes = settings.instanceTypes.map((name) => {
    const info = instanceType(name);
    if (!info) throw new Error(`no facts for instance type ${name} in vendor/ec2-instances/instances.json`);
    return info;
  });
  const podsByType = instanceTypes.map((t) => ({ instanceType: t.name, maxPods: maxPods(t, prefixDelegation) }));
  return {
    settings,
    instanceTypes,
    amiType: settings.amiType ?? derivedAmiType(instanceTypes),
    podsByType,
    maxPods: Math.min(...podsByType.map((p) => p.maxPods)),
  };
}

/** The synthesis summary's lines for node groups: each instance type and the pods a node of it holds. */
export function nodeGroupLines(plans: readonly NodeGroupPlan[], prefixDelegation: boolean): string[] {
  const how = prefixDelegation ? " with prefix delegation" : "";
  return plans.map(({ settings, podsByType, maxPods: groupMax }) => {
    const types = podsByType.map((p) => `${p.instanceType}: ${p.maxPods} pods${how}`).join(", ");
    const smallest = podsByType.length > 1 ? `; every node takes ${groupMax}, the smallest` : "";
    const sizes = `${settings.minSize}-${settings.maxSize} nodes, ${settings.desiredSize} at first`;
    return `Node group "${settings.name}" (${settings.capacityType}, ${sizes}): ${types}${smallest}`;
  });
}

/** The synthesis summary's lines for node pools (Auto Mode's and Karpenter's): what each may launch, and its bound. */
export function nodePoolLines(compute: ComputeSettings): string[] {
  const pool = (p: NodePoolSettings) =>
    `${p.name} (${p.architectures.join("/")}, ${p.capacityTypes.join("/")}, categories ${p.instanceCategories.join("")}, at most ${p.cpuLimit} vCPUs)`;
  const { autoMode, karpenter } = compute;
  return [
    ...(autoMode.enabled
      ? [
          `EKS Auto Mode node pools: ${[...autoMode.nodePools.map((p) => `${p} (built-in)`), ...autoMode.customNodePools.map(pool)].join(", ") || "none"}`,
        ]
      : []),
    ...(karpenter.enabled ? [`Karpenter node pools: ${karpenter.nodePools.map(pool).join(", ") || "none"}`] : []),
  ];
}
