import { describe, expect, it } from "vitest";
import type { NodePoolSettings } from "../../../environments/compute";
import { AUTO_MODE_PROVISIONER, karpenterProvisioner, nodePoolManifest } from "../../../modules/compute/node-pool";

const pool: NodePoolSettings = {
  name: "general",
  architectures: ["amd64", "arm64"],
  capacityTypes: ["spot", "on-demand"],
  instanceCategories: ["c", "m"],
  cpuLimit: 64,
};

describe("nodePoolManifest", () => {
  it("points a Karpenter pool at its EC2NodeClass and requires arch, capacity type and category", () => {
    const manifest = nodePoolManifest(pool, karpenterProvisioner("default"));
    expect(manifest.apiVersion).toBe("karpenter.sh/v1");
    expect(manifest.kind).toBe("NodePool");
    expect(manifest.metadata).toEqual({ name: "general" });
    expect(manifest.spec.template.spec).toEqual({
      nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
      requirements: [
        { key: "kubernetes.io/arch", operator: "In", values: ["amd64", "arm64"] },
        { key: "karpenter.sh/capacity-type", operator: "In", values: ["spot", "on-demand"] },
        { key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m"] },
      ],
    });
  });

  it("points an Auto Mode pool at EKS's default NodeClass with eks.amazonaws.com keys", () => {
    const { spec } = nodePoolManifest(pool, AUTO_MODE_PROVISIONER);
    expect(spec.template.spec.nodeClassRef).toEqual({ group: "eks.amazonaws.com", kind: "NodeClass", name: "default" });
    expect(spec.template.spec.requirements.map((r) => r.key)).toEqual([
      "kubernetes.io/arch",
      "karpenter.sh/capacity-type",
      "eks.amazonaws.com/instance-category",
    ]);
  });

  it("bounds the pool by its cpuLimit, as a quantity string", () => {
    expect(nodePoolManifest(pool, AUTO_MODE_PROVISIONER).spec.limits).toEqual({ cpu: "64" });
  });

  it("writes the budgets as given, without keys the settings left out", () => {
    const budgets = [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }, { nodes: "20%" }];
    const { disruption } = nodePoolManifest({ ...pool, disruptionBudgets: budgets }, karpenterProvisioner("x")).spec;
    expect(disruption).toEqual({
      consolidationPolicy: "WhenEmptyOrUnderutilized",
      consolidateAfter: "1m",
      budgets: [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }, { nodes: "20%" }],
    });
    expect(Object.keys(disruption.budgets[1])).toEqual(["nodes"]);
  });

  it("writes Karpenter's default budget of 10% when the settings give none", () => {
    expect(nodePoolManifest(pool, karpenterProvisioner("x")).spec.disruption.budgets).toEqual([{ nodes: "10%" }]);
  });

  it("does not share arrays with the settings", () => {
    const manifest = nodePoolManifest(pool, karpenterProvisioner("x"));
    manifest.spec.template.spec.requirements[0].values.push("s390x");
    expect(pool.architectures).toEqual(["amd64", "arm64"]);
  });
});
