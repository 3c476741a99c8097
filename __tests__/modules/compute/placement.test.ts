import { describe, expect, it } from "vitest";
import type { Environment } from "../../../environments/schema";
import { capacityOf, placePod } from "../../../modules/compute/placement";
import { platformWorkloads } from "../../../modules/compute/platform-workloads";
import { karpenterEnvironment } from "../../support/environments";
import { projectEnvironments } from "../../support/synth";

const [first] = projectEnvironments();
const withCompute = (compute: object): Environment => ({
  ...first,
  compute: { ...first.compute, ...compute } as Environment["compute"],
});

describe("capacityOf", () => {
  it("counts a provisioner as nodes only when it has a pool to launch from", () => {
    const none = { nodePools: [], customNodePools: [] };
    expect(capacityOf(withCompute({ autoMode: { enabled: true, ...none } })).nodes).toEqual([]);
    expect(capacityOf(withCompute({ autoMode: { enabled: true, ...none, nodePools: ["system"] } })).nodes).toEqual([
      "EKS Auto Mode",
    ]);
    expect(capacityOf(withCompute({ karpenter: { enabled: true, nodePools: [] } })).nodes).toEqual([]);
    expect(capacityOf(karpenterEnvironment()).nodes).toEqual(["Karpenter"]);
  });
});

describe("the platform's own pods", () => {
  it("run on Fargate in every environment, Karpenter's controller too where Karpenter is on", () => {
    for (const env of [...projectEnvironments(), karpenterEnvironment()]) {
      const capacity = capacityOf(env);
      for (const workload of platformWorkloads(env)) {
        expect(placePod(capacity, workload).on, `${env.name}: ${workload.name}`).toBe("fargate");
      }
    }
    const karpenter = platformWorkloads(karpenterEnvironment()).find((w) => w.namespace === "karpenter")!;
    expect(karpenter.replicas).toBe(2);
    expect(placePod(capacityOf(karpenterEnvironment()), karpenter)).toMatchObject({
      on: "fargate",
      profile: "karpenter",
      size: { label: "1 vCPU / 2 GB" },
    });
  });
});
