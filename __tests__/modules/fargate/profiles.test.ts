import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { fargateProfileChain } from "../../../modules/fargate/profiles";

describe("fargateProfileChain", () => {
  it("creates the profiles one after another, each with its own pod execution role", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    fargateProfileChain(stack, {
      profiles: ["kube-system", "apps", "batch"].map((name) => ({ name, selectors: [{ namespace: name }] })),
      clusterName: "dev-fargate",
      clusterNameLiteral: "dev-fargate",
      subnetIds: ["subnet-1", "subnet-2"],
      region: "ap-northeast-2",
      accountId: "123456789012",
      partition: "aws",
      loggingPolicyArn: "arn:aws:iam::123456789012:policy/dev-fargate-fargate-logging",
    });
    const { aws_eks_fargate_profile: profiles, aws_iam_role: roles } = JSON.parse(Testing.synth(stack)).resource;
    expect(Object.keys(profiles).sort()).toEqual(["apps", "batch", "kube_system"]);
    expect(profiles.kube_system.depends_on).not.toContain("aws_eks_fargate_profile.apps");
    expect(profiles.apps.depends_on).toContain("aws_eks_fargate_profile.kube_system");
    expect(profiles.batch.depends_on).toContain("aws_eks_fargate_profile.apps");
    expect(roles.fargate_batch.name).toBe("dev-fargate-fargate-batch");
  });
});
