import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { EksAddon, type EksAddonProps } from "../../../modules/addons/eks-addon";

const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/ABC";

function synth(props: Partial<EksAddonProps>) {
  const stack = new TerraformStack(Testing.app(), "test");
  new EksAddon(stack, "addon", {
    clusterName: "dev-fargate",
    name: "vpc-cni",
    version: "v1.20.4-eksbuild.1",
    ...props,
  });
  return JSON.parse(Testing.synth(stack)).resource;
}

describe("EksAddon", () => {
  it("pins the version, takes over what EKS installed, and keeps the software when removed", () => {
    const { aws_eks_addon: addons, aws_iam_role: roles } = synth({});
    expect(addons.vpc_cni).toMatchObject({
      cluster_name: "dev-fargate",
      addon_name: "vpc-cni",
      addon_version: "v1.20.4-eksbuild.1",
      resolve_conflicts_on_create: "OVERWRITE",
      resolve_conflicts_on_update: "OVERWRITE",
      preserve: true,
    });
    expect(addons.vpc_cni).not.toHaveProperty("service_account_role_arn");
    expect(roles).toBeUndefined();
  });

  it("gives the add-on an IRSA role for its service account, and waits for its permissions", () => {
    const resources = synth({
      serviceAccountRole: {
        name: "dev-fargate-vpc-cni",
        oidcProviderArn: OIDC_ARN,
        oidcIssuerUrl: "https://oidc.eks.ap-northeast-2.amazonaws.com/id/ABC",
        namespace: "kube-system",
        serviceAccount: "aws-node",
        policy: { managedPolicyArn: "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy" },
      },
    });
    const addon = resources.aws_eks_addon.vpc_cni;
    expect(addon.service_account_role_arn).toBe("${aws_iam_role.vpc_cni.arn}");
    expect(addon.depends_on).toEqual(["aws_iam_role_policy_attachment.vpc_cni"]);
    const trust = JSON.parse(resources.aws_iam_role.vpc_cni.assume_role_policy);
    expect(JSON.stringify(trust)).toContain("system:serviceaccount:kube-system:aws-node");
    expect(resources.aws_iam_role.vpc_cni.name).toBe("dev-fargate-vpc-cni");
  });
});
