import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  KARPENTER_CHART,
  KARPENTER_NAMESPACE,
  KARPENTER_SERVICE_ACCOUNT,
  KarpenterController,
} from "../../../../modules/compute/karpenter/controller";
import { KARPENTER_CONTROLLER_RESOURCES } from "../../../../modules/compute/karpenter/values";
import { fargateSize } from "../../../../modules/fargate/size";
import { vendoredChecksums, vendoredText } from "../../../support/vendored";

const vendored = (file: string) => vendoredText("karpenter", file);

describe("vendored Karpenter chart files", () => {
  it("are the upstream bytes whose SHA-256 the vendor README records", () => {
    const checksums = vendoredChecksums("karpenter");
    expect(checksums.map((c) => c.file).sort()).toEqual(["Chart.yaml", "values.yaml"]);
    for (const { file, recorded, actual } of checksums) expect(actual, file).toBe(recorded);
  });

  it("belong to the chart version the release pins", () => {
    const chart = parse(vendored("Chart.yaml"));
    expect(chart.name).toBe(KARPENTER_CHART.name);
    expect(chart.version).toBe(KARPENTER_CHART.version);
    expect(parse(vendored("values.yaml")).controller.image.tag).toBe(chart.appVersion);
  });
});

function synth() {
  const stack = new TerraformStack(Testing.app(), "test");
  new KarpenterController(stack, "karpenter", {
    clusterName: "dev-fargate",
    clusterEndpoint: "https://example.eks.amazonaws.com",
    region: "ap-northeast-2",
    accountId: "123456789012",
    partition: "aws",
    oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/ABC",
    oidcIssuerUrl: "https://oidc.eks.ap-northeast-2.amazonaws.com/id/ABC",
    controllerRoleName: "dev-fargate-karpenter",
    nodeRoleName: "dev-fargate-karpenter-node",
  });
  return JSON.parse(Testing.synth(stack));
}

describe("KarpenterController", () => {
  const { resource, locals } = synth();
  const release = resource.helm_release.karpenter;
  const values = parse(release.values[0]);

  it("installs the pinned chart in its own namespace, which a Fargate profile must select", () => {
    expect(KARPENTER_NAMESPACE).toBe("karpenter");
    expect(resource.kubernetes_namespace_v1.karpenter.metadata).toEqual({ name: KARPENTER_NAMESPACE });
    expect(release).toMatchObject({
      name: "karpenter",
      chart: "karpenter",
      repository: "oci://public.ecr.aws/karpenter",
      version: KARPENTER_CHART.version,
      namespace: KARPENTER_NAMESPACE,
      wait: true,
    });
  });

  it("tells the controller its cluster, endpoint, region and interruption queue", () => {
    expect(values.settings).toEqual({
      clusterName: "dev-fargate",
      clusterEndpoint: "https://example.eks.amazonaws.com",
      interruptionQueue: "${aws_sqs_queue.karpenter.name}",
    });
    expect(values.controller.env).toEqual([{ name: "AWS_REGION", value: "ap-northeast-2" }]);
  });

  it("gives the service account the IRSA role, which trusts exactly that service account", () => {
    expect(values.serviceAccount).toEqual({
      create: true,
      name: KARPENTER_SERVICE_ACCOUNT,
      annotations: { "eks.amazonaws.com/role-arn": "${aws_iam_role.karpenter.arn}" },
    });
    const trust = JSON.parse(resource.aws_iam_role.karpenter.assume_role_policy);
    expect(trust.Statement[0].Condition.StringEquals).toEqual({
      "${local.karpenter_oidc_issuer}:sub": "system:serviceaccount:karpenter:karpenter",
      "${local.karpenter_oidc_issuer}:aud": "sts.amazonaws.com",
    });
    expect(locals.karpenter_oidc_issuer).toBeDefined();
    const policy = JSON.parse(resource.aws_iam_policy.karpenter.policy);
    const passRole = policy.Statement.find((s: { Action: string }) => s.Action === "iam:PassRole");
    expect(passRole.Resource).toBe("${aws_iam_role.karpenter_node.arn}");
  });

  it("runs the controller at a fixed Fargate size, requests equal to limits, with nothing paid for unused", () => {
    expect(values.controller.resources).toEqual({
      requests: KARPENTER_CONTROLLER_RESOURCES,
      limits: KARPENTER_CONTROLLER_RESOURCES,
    });
    const size = fargateSize({ containers: [KARPENTER_CONTROLLER_RESOURCES] });
    expect(size).toMatchObject({ vcpu: 1, memoryGb: 2 });
    // 1792 MiB plus Fargate's 256 MiB is exactly the 2 GB provisioned.
    expect(1792 + 256).toBe(size.memoryGb * 1024);
  });

  it("keeps the chart's ClusterFirst DNS policy: coredns runs on Fargate before the controller", () => {
    expect(values).not.toHaveProperty("dnsPolicy");
    expect(parse(vendored("values.yaml")).dnsPolicy).toBe("ClusterFirst");
  });

  it("starts the pods only once their permissions, queue and the nodes' access entry exist", () => {
    expect(release.depends_on).toEqual([
      "kubernetes_namespace_v1.karpenter",
      "aws_iam_role_policy_attachment.karpenter",
      "aws_sqs_queue_policy.karpenter",
      "aws_eks_access_entry.karpenter_node",
    ]);
  });
});
