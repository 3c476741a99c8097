import { describe, expect, it } from "vitest";
import {
  karpenterControllerPolicy,
  MANAGED_POLICY_SIZE_LIMIT,
} from "../../../../modules/compute/karpenter/controller-policy";

const scope = {
  partition: "aws",
  region: "ap-northeast-2",
  accountId: "123456789012",
  clusterName: "dev-fargate",
  nodeRoleArn: "arn:aws:iam::123456789012:role/dev-fargate-karpenter-node",
  queueArn: "arn:aws:sqs:ap-northeast-2:123456789012:dev-fargate-karpenter",
};
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};
const statements = (s = scope) => karpenterControllerPolicy(s).Statement as Statement[];
const actions = (statement: Statement) => [statement.Action].flat();
const granting = (action: string, s = scope) => statements(s).filter((st) => actions(st).includes(action));

describe("karpenterControllerPolicy", () => {
  it("only allows", () => {
    expect(new Set(statements().map((s) => s.Effect))).toEqual(new Set(["Allow"]));
  });

  it("passes only the node role, and only to EC2", () => {
    expect(granting("iam:PassRole")).toEqual([
      {
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: scope.nodeRoleArn,
        Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
      },
    ]);
  });

  it("creates instances, fleets and launch templates only tagged as this cluster's and a node pool's", () => {
    for (const statement of granting("ec2:CreateLaunchTemplate")) {
      expect(statement.Condition).toMatchObject({
        StringEquals: {
          "aws:RequestTag/kubernetes.io/cluster/dev-fargate": "owned",
          "aws:RequestTag/eks:eks-cluster-name": "dev-fargate",
        },
        StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
      });
    }
    expect(granting("ec2:CreateLaunchTemplate")).toHaveLength(1);
  });

  it("terminates only instances tagged as this cluster's and a node pool's", () => {
    const [terminate] = granting("ec2:TerminateInstances");
    expect(granting("ec2:TerminateInstances")).toHaveLength(1);
    expect(terminate.Condition).toEqual({
      StringEquals: { "aws:ResourceTag/kubernetes.io/cluster/dev-fargate": "owned" },
      StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
    });
  });

  it("scopes every instance-profile change to this cluster's tags in this region", () => {
    for (const action of ["iam:AddRoleToInstanceProfile", "iam:DeleteInstanceProfile", "iam:TagInstanceProfile"]) {
      const [statement] = granting(action);
      expect(statement.Resource, action).toBe("arn:aws:iam::123456789012:instance-profile/*");
      expect(statement.Condition?.StringEquals, action).toMatchObject({
        "aws:ResourceTag/kubernetes.io/cluster/dev-fargate": "owned",
        "aws:ResourceTag/topology.kubernetes.io/region": "ap-northeast-2",
      });
    }
  });

  it("reads only its queue and describes only its cluster", () => {
    expect(granting("sqs:ReceiveMessage").map((s) => s.Resource)).toEqual([scope.queueArn]);
    expect(granting("eks:DescribeCluster").map((s) => s.Resource)).toEqual([
      "arn:aws:eks:ap-northeast-2:123456789012:cluster/dev-fargate",
    ]);
  });

  it("grants Resource * only for actions without resource-level permissions, EC2's held to the region", () => {
    const unscoped = statements().filter((s) => s.Resource === "*");
    expect(unscoped.flatMap(actions).filter((a) => !a.startsWith("ec2:Describe"))).toEqual([
      "iam:ListInstanceProfiles",
      "pricing:GetProducts",
    ]);
    const describe = unscoped.find((s) => actions(s).some((a) => a.startsWith("ec2:Describe")))!;
    expect(describe.Condition).toEqual({ StringEquals: { "aws:RequestedRegion": "ap-northeast-2" } });
  });

  it("stays within IAM's managed policy size for the longest cluster name (40 characters)", () => {
    const long = "c".repeat(40);
    const policy = karpenterControllerPolicy({
      ...scope,
      clusterName: long,
      nodeRoleArn: `arn:aws:iam::123456789012:role/${long}-karpenter-node`,
      queueArn: `arn:aws:sqs:ap-northeast-2:123456789012:${long}-karpenter`,
    });
    expect(JSON.stringify(policy).length).toBeLessThanOrEqual(MANAGED_POLICY_SIZE_LIMIT);
  });
});
