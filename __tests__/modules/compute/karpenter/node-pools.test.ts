import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { AL2023_AMI_ALIAS } from "../../../../modules/compute/karpenter/node-class";
import { KarpenterNodePools, type KarpenterNodePoolsProps } from "../../../../modules/compute/karpenter/node-pools";
import { TEST_NODE_POOL } from "../../../support/environments";

const props: KarpenterNodePoolsProps = {
  clusterName: "dev-fargate",
  nodeRoleName: "dev-fargate-karpenter-node",
  privateSubnetIds: ["subnet-a", "subnet-b"],
  clusterSecurityGroupId: "sg-0123",
  pools: [TEST_NODE_POOL, { ...TEST_NODE_POOL, name: "arm-spot", architectures: ["arm64"], capacityTypes: ["spot"] }],
  tags: { Team: "platform" },
};

function synth(make: (stack: TerraformStack) => KarpenterNodePoolsProps = () => props) {
  const stack = new TerraformStack(Testing.app(), "test");
  new KarpenterNodePools(stack, "karpenter_node_pools", make(stack));
  return JSON.parse(Testing.synth(stack)).resource.kubernetes_manifest;
}

describe("KarpenterNodePools", () => {
  const manifests = synth();
  const nodeClass = manifests.karpenter_node_class;

  it("declares one EC2NodeClass and a NodePool per pool, under readable addresses", () => {
    expect(Object.keys(manifests).sort()).toEqual([
      "karpenter_node_class",
      "karpenter_node_pool_arm_spot",
      "karpenter_node_pool_general",
    ]);
    expect(nodeClass.manifest).toMatchObject({
      apiVersion: "karpenter.k8s.aws/v1",
      kind: "EC2NodeClass",
      metadata: { name: "default" },
    });
  });

  it("launches AL2023 at a pinned release, with the node role, in the private subnets and the cluster security group", () => {
    expect(AL2023_AMI_ALIAS).toMatch(/^al2023@v\d{8}$/);
    expect(nodeClass.manifest.spec).toMatchObject({
      role: "dev-fargate-karpenter-node",
      amiSelectorTerms: [{ alias: AL2023_AMI_ALIAS }],
      subnetSelectorTerms: [{ id: "subnet-a" }, { id: "subnet-b" }],
      securityGroupSelectorTerms: [{ id: "sg-0123" }],
      tags: { Team: "platform" },
    });
  });

  it("requires IMDSv2 with a hop limit of 1 and an encrypted gp3 root volume", () => {
    expect(nodeClass.manifest.spec.metadataOptions).toEqual({
      httpEndpoint: "enabled",
      httpProtocolIPv6: "disabled",
      httpPutResponseHopLimit: 1,
      httpTokens: "required",
    });
    expect(nodeClass.manifest.spec.blockDeviceMappings).toEqual([
      {
        deviceName: "/dev/xvda",
        ebs: { volumeSize: "20Gi", volumeType: "gp3", encrypted: true, deleteOnTermination: true },
      },
    ]);
  });

  it("waits for the node class to be Ready, and creates the pools after it", () => {
    expect(nodeClass.wait).toEqual({ condition: [{ type: "Ready", status: "True" }] });
    expect(manifests.karpenter_node_pool_general.depends_on).toEqual(["kubernetes_manifest.karpenter_node_class"]);
  });

  it("makes each pool a NodePool on the EC2NodeClass with its requirements, limit and budgets", () => {
    const pool = manifests.karpenter_node_pool_arm_spot.manifest;
    expect(pool.metadata).toEqual({ name: "arm-spot" });
    expect(pool.spec.template.spec.nodeClassRef).toEqual({
      group: "karpenter.k8s.aws",
      kind: "EC2NodeClass",
      name: "default",
    });
    expect(pool.spec.template.spec.requirements).toEqual([
      { key: "kubernetes.io/arch", operator: "In", values: ["arm64"] },
      { key: "karpenter.sh/capacity-type", operator: "In", values: ["spot"] },
      { key: "karpenter.k8s.aws/instance-category", operator: "In", values: ["c", "m", "r"] },
    ]);
    expect(pool.spec.limits).toEqual({ cpu: "64" });
    expect(pool.spec.disruption.budgets).toEqual(TEST_NODE_POOL.disruptionBudgets);
  });

  it("builds the subnet terms in Terraform when the subnet ids come from another stack", () => {
    const fromState = synth((stack) => ({
      ...props,
      privateSubnetIds: new TerraformVariable(stack, "subnets", { type: "list(string)" }).listValue,
    }));
    expect(fromState.karpenter_node_class.manifest.spec.subnetSelectorTerms).toBe(
      "${[ for key, val in toset(var.subnets): { id = val }]}",
    );
  });
});
