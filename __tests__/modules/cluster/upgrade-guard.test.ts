import { describe, expect, it } from "vitest";
import { minorOf, upgradeConditions } from "../../../modules/cluster/upgrade-guard";
import { synthesizedProject } from "../../support/synth";

// The guard's Terraform wiring; __tests__/terraform/upgrade-guard.test.ts has Terraform evaluate it.

describe("upgrade guard", () => {
  const dev = synthesizedProject().stack("dev-cluster");

  it("reads a minor version's number, and rejects anything else", () => {
    expect(minorOf("1.35")).toBe(35);
    expect(minorOf("1.9")).toBe(9);
    expect(() => minorOf("1.35.2")).toThrow('"1.35.2" is not a Kubernetes minor version such as "1.35"');
  });

  it("looks the cluster up among the region's clusters and reads it only if it exists", () => {
    expect(dev.data.aws_eks_clusters.in_region).not.toHaveProperty("name");
    expect(dev.data.aws_eks_cluster.deployed).toMatchObject({
      name: "dev-fargate",
      count: '${contains(tolist(data.aws_eks_clusters.in_region.names), "dev-fargate") ? 1 : 0}',
    });
  });

  it("puts its conditions on the cluster, allowing the deployed minor version and the next one", () => {
    const conditions = dev.resource.aws_eks_cluster.cluster.lifecycle.precondition;
    expect(conditions).toHaveLength(2);
    const [skip, downgrade] = upgradeConditions("data.aws_eks_cluster.deployed", "dev-fargate", "1.35");
    expect(conditions[0]).toEqual({ condition: skip.condition, error_message: skip.errorMessage });
    expect(conditions[1]).toEqual({ condition: downgrade.condition, error_message: downgrade.errorMessage });
    expect(skip.condition).toBe(
      '${alltrue([for cluster in data.aws_eks_cluster.deployed : tonumber(split(".", cluster.version)[1]) >= 34])}',
    );
    expect(downgrade.condition).toContain('tonumber(split(".", cluster.version)[1]) <= 35])}');
  });
});
