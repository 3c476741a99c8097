import { describe, expect, it } from "vitest";
import type { NodeGroupSettings } from "../../../environments/compute";
import { instanceType } from "../../../modules/compute/instance-types";
import { computeSettings } from "../../../environments/compute";
import { derivedAmiType, nodeGroupLines, nodePoolLines, planNodeGroup } from "../../../modules/compute/node-groups";

const group = (patch: Partial<NodeGroupSettings> = {}): NodeGroupSettings => ({
  name: "general",
  instanceTypes: ["t3.medium"],
  capacityType: "ON_DEMAND",
  minSize: 1,
  maxSize: 3,
  desiredSize: 2,
  labels: {},
  taints: [],
  diskSizeGiB: 20,
  ...patch,
});

describe("planNodeGroup", () => {
  it("gives a t3.medium 17 pods, and 110 with prefix delegation", () => {
    expect(planNodeGroup(group(), false).podsByType).toEqual([{ instanceType: "t3.medium", maxPods: 17 }]);
    expect(planNodeGroup(group(), true).maxPods).toBe(110);
  });

  it("runs every node of a group of several types at the smallest max pods", () => {
    const plan = planNodeGroup(group({ instanceTypes: ["m5.large", "t3.medium"] }), false);
    expect(plan.podsByType.map((p) => p.maxPods)).toEqual([29, 17]);
    expect(plan.maxPods).toBe(17);
  });

  it("keeps an AMI type set in the settings", () => {
    expect(planNodeGroup(group({ amiType: "AL2023_x86_64_NVIDIA" }), false).amiType).toBe("AL2023_x86_64_NVIDIA");
  });
});

describe("derivedAmiType", () => {
  const facts = (...names: string[]) => names.map((n) => instanceType(n)!);
  it("picks AL2023 by architecture, NVIDIA for GPUs", () => {
    expect(derivedAmiType(facts("t3.medium"))).toBe("AL2023_x86_64_STANDARD");
    expect(derivedAmiType(facts("m7g.large", "c7g.large"))).toBe("AL2023_ARM_64_STANDARD");
    expect(derivedAmiType(facts("g5.xlarge"))).toBe("AL2023_x86_64_NVIDIA");
  });
});

describe("nodeGroupLines", () => {
  it("says each instance type's pods per node, and which one sets the group's", () => {
    const plans = [group(), group({ name: "batch", capacityType: "SPOT", instanceTypes: ["m5.large", "t3.medium"] })];
    expect(
      nodeGroupLines(
        plans.map((g) => planNodeGroup(g, false)),
        false,
      ),
    ).toEqual([
      'Node group "general" (ON_DEMAND, 1-3 nodes, 2 at first): t3.medium: 17 pods',
      'Node group "batch" (SPOT, 1-3 nodes, 2 at first): m5.large: 29 pods, t3.medium: 17 pods; every node takes 17, the smallest',
    ]);
    expect(nodeGroupLines([planNodeGroup(group(), true)], true)).toEqual([
      'Node group "general" (ON_DEMAND, 1-3 nodes, 2 at first): t3.medium: 110 pods with prefix delegation',
    ]);
  });
});

describe("nodePoolLines", () => {
  it("names each pool Auto Mode or Karpenter may launch nodes for, with its vCPU bound", () => {
    const pool = {
      name: "graviton",
      architectures: ["arm64" as const],
      capacityTypes: ["spot" as const, "on-demand" as const],
      instanceCategories: ["c", "m"],
      cpuLimit: 64,
    };
    const compute = computeSettings.parse({ autoMode: { enabled: true, customNodePools: [pool] } });
    expect(nodePoolLines(compute)).toEqual([
      "EKS Auto Mode node pools: general-purpose (built-in), system (built-in), graviton (arm64, spot/on-demand, categories cm, at most 64 vCPUs)",
    ]);
    expect(nodePoolLines(computeSettings.parse({ karpenter: { enabled: true, nodePools: [pool] } }))).toEqual([
      "Karpenter node pools: graviton (arm64, spot/on-demand, categories cm, at most 64 vCPUs)",
    ]);
    expect(nodePoolLines(computeSettings.parse({}))).toEqual([]);
  });
});
