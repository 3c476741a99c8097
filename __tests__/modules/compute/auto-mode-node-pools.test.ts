import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { nodePoolSettings } from "../../../environments/compute";
import { AutoModeNodePools } from "../../../modules/compute/auto-mode-node-pools";

// The challenge pool: Graviton, Spot and On-Demand, no voluntary disruption in office hours.
const OFFICE_HOURS = nodePoolSettings.parse({
  name: "graviton-office",
  architectures: ["arm64"],
  capacityTypes: ["spot", "on-demand"],
  instanceCategories: ["c", "m", "r"],
  cpuLimit: 64,
  disruptionBudgets: [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }, { nodes: "10%" }],
});

function synth(pools: unknown[]) {
  const parsed = pools.map((p) => nodePoolSettings.parse(p));
  return JSON.parse(Testing.synthScope((scope) => new AutoModeNodePools(scope, "pools", { pools: parsed }))).resource;
}

describe("Auto Mode's custom node pools", () => {
  it("declares a karpenter.sh/v1 NodePool on Auto Mode's default NodeClass, with the pool's requirements, limit and budgets", () => {
    const resources = synth([OFFICE_HOURS]);
    expect(Object.keys(resources.kubernetes_manifest)).toEqual(["auto_mode_node_pool_graviton_office"]);
    expect(resources.kubernetes_manifest.auto_mode_node_pool_graviton_office.manifest).toEqual({
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: { name: "graviton-office" },
      spec: {
        template: {
          spec: {
            nodeClassRef: { group: "eks.amazonaws.com", kind: "NodeClass", name: "default" },
            requirements: [
              { key: "kubernetes.io/arch", operator: "In", values: ["arm64"] },
              { key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand"] },
              { key: "eks.amazonaws.com/instance-category", operator: "In", values: ["c", "m", "r"] },
            ],
          },
        },
        limits: { cpu: "64" },
        disruption: {
          consolidationPolicy: "WhenEmptyOrUnderutilized",
          consolidateAfter: "1m",
          budgets: [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }, { nodes: "10%" }],
        },
      },
    });
  });

  it("declares one object per pool, addressed by its name, and none without pools", () => {
    const second = { ...OFFICE_HOURS, name: "batch", disruptionBudgets: undefined };
    expect(Object.keys(synth([OFFICE_HOURS, second]).kubernetes_manifest).sort()).toEqual([
      "auto_mode_node_pool_batch",
      "auto_mode_node_pool_graviton_office",
    ]);
    expect(synth([])).toBeUndefined();
  });
});
