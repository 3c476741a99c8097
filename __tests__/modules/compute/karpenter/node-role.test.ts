import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { KarpenterNodeRole, type KarpenterNodeRoleProps } from "../../../../modules/compute/karpenter/node-role";

function synth(overrides: Partial<KarpenterNodeRoleProps> = {}) {
  const stack = new TerraformStack(Testing.app(), "test");
  new KarpenterNodeRole(stack, "node_role", {
    clusterName: "dev-fargate",
    roleName: "dev-fargate-karpenter-node",
    partition: "aws",
    ...overrides,
  });
  return JSON.parse(Testing.synth(stack)).resource;
}

const attached = (resources: Record<string, Record<string, { policy_arn: string }>>) =>
  Object.values(resources.aws_iam_role_policy_attachment)
    .map((a) => a.policy_arn)
    .sort();

describe("KarpenterNodeRole", () => {
  it("is a role EC2 assumes, with the worker-node and image-pull policies and no CNI policy", () => {
    const resources = synth();
    expect(resources.aws_iam_role.karpenter_node.name).toBe("dev-fargate-karpenter-node");
    expect(JSON.parse(resources.aws_iam_role.karpenter_node.assume_role_policy).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    expect(attached(resources)).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    ]);
  });

  it("adds Session Manager access only when asked", () => {
    expect(attached(synth({ sessionManager: true }))).toContain("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
  });

  it("lets nodes with the role join the cluster through an EC2_LINUX access entry", () => {
    expect(synth().aws_eks_access_entry.karpenter_node).toMatchObject({
      cluster_name: "dev-fargate",
      principal_arn: "${aws_iam_role.karpenter_node.arn}",
      type: "EC2_LINUX",
    });
  });
});
