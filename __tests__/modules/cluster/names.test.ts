import { computeSettings } from "../../../environments/compute";
import { describe, expect, it } from "vitest";
import {
  accountWideNames,
  clusterRoleName,
  controlPlaneLogGroupName,
  karpenterEventRuleName,
  karpenterNodeRoleName,
  fargateLogGroupName,
  fluentBitProcessLogGroupName,
  podExecutionRoleName,
  principalTerraformName,
  terraformName,
} from "../../../modules/cluster/names";
import { INTERRUPTION_EVENTS } from "../../../modules/compute/karpenter/interruption-events";

describe("account-wide names", () => {
  it("lists every IAM role and policy an environment creates, which must be unique in the account", () => {
    const profiles = [{ name: "kube-system" }, { name: "apps" }];
    const fargateOnly = {
      clusterName: "dev-fargate",
      cluster: { fargateProfiles: profiles },
      compute: computeSettings.parse({}),
    };
    expect(accountWideNames(fargateOnly)).toEqual([
      "role/dev-fargate-cluster",
      "role/dev-fargate-fargate-kube-system",
      "role/dev-fargate-fargate-apps",
      "role/dev-fargate-lb-controller",
      "policy/dev-fargate-lb-controller",
      "policy/dev-fargate-fargate-logging",
      "role/dev-fargate-vpc-flow-logs",
      "role/dev-fargate-vpc-cni",
    ]);
    // With node groups, their nodes' role too.
    const withNodes = { ...fargateOnly, compute: { ...fargateOnly.compute, nodeGroups: [{}] } };
    expect(accountWideNames(withNodes)).toContain("role/dev-fargate-nodes");
  });

  it("adds Karpenter's controller role and policy and its node role when Karpenter is on", () => {
    const env = { clusterName: "dev-fargate", cluster: { fargateProfiles: [] } };
    const without = accountWideNames({ ...env, compute: computeSettings.parse({}) });
    expect(accountWideNames({ ...env, compute: computeSettings.parse({ karpenter: { enabled: true } }) })).toEqual([
      ...without,
      "role/dev-fargate-karpenter",
      "policy/dev-fargate-karpenter",
      "role/dev-fargate-karpenter-node",
    ]);
  });

  it("keeps Karpenter's longest names within IAM's 64 and EventBridge's 64 characters", () => {
    const longest = "c".repeat(40);
    expect(karpenterNodeRoleName(longest).length).toBeLessThanOrEqual(64);
    for (const { name } of INTERRUPTION_EVENTS) {
      expect(karpenterEventRuleName(longest, name).length, name).toBeLessThanOrEqual(64);
    }
  });
});

describe("cluster names", () => {
  it("derives fixed, readable physical names from the cluster name", () => {
    expect(clusterRoleName("dev-fargate")).toBe("dev-fargate-cluster");
    expect(podExecutionRoleName("dev-fargate", "kube-system")).toBe("dev-fargate-fargate-kube-system");
    expect(controlPlaneLogGroupName("dev-fargate")).toBe("/aws/eks/dev-fargate/cluster");
    expect(fargateLogGroupName("dev-fargate")).toBe("/aws/eks/dev-fargate/fargate");
    expect(fluentBitProcessLogGroupName("dev-fargate")).toBe("dev-fargate-fluent-bit-logs");
  });

  it("keeps the longest cluster role name within IAM's 64 characters", () => {
    expect(clusterRoleName("c".repeat(40))).toHaveLength(48);
  });

  it("turns names into Terraform identifiers", () => {
    expect(terraformName("study-wildcard")).toBe("study_wildcard");
    expect(terraformName("kube_system")).toBe("kube_system");
  });

  it("names an IAM principal by its type and path, without the account", () => {
    expect(principalTerraformName("arn:aws:iam::123456789012:role/platform-admin")).toBe("role_platform_admin");
    expect(principalTerraformName("arn:aws-cn:iam::123456789012:role/ops/admin")).toBe("role_ops_admin");
    expect(principalTerraformName("arn:aws:iam::123456789012:user/alice@example.com")).toBe("user_alice_example_com");
  });
});
