import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { serviceAccountSubject } from "../../modules/irsa/trust-policy";
import { outputNames } from "../../stacks/contract";
import { unknownChartKeys, vendoredChartDefaults } from "../../modules/kubernetes/chart-values";
import { LB_CONTROLLER_CHART } from "../../modules/lb-controller/lb-controller";
import { synthesizedProject } from "../support/synth";

const VENDOR = join(__dirname, "../../vendor/aws-load-balancer-controller");
const CHART_DEFAULTS = vendoredChartDefaults(LB_CONTROLLER_CHART.valuesFile);
const OFFICIAL_POLICY = JSON.parse(readFileSync(join(VENDOR, "iam_policy.json"), "utf8"));

const synth = synthesizedProject();
const dev = synth.stack("dev-lb-controller");
const prod = synth.stack("prod-lb-controller");

const CLUSTER = "data.terraform_remote_state.cluster.outputs";
const release = dev.resource.helm_release.lb_controller;
const values = parse(release.values[0]);
const role = dev.resource.aws_iam_role.lb_controller;
const trust = JSON.parse(role.assume_role_policy);
const ISSUER = "${local.lb_controller_oidc_issuer}";

describe("lb-controller stack", () => {
  it("reads the network and cluster stacks' outputs from their state", () => {
    expect(Object.keys(dev.data.terraform_remote_state).sort()).toEqual(["cluster", "network"]);
    expect(prod.data.terraform_remote_state.cluster.config.key).toBe("eks-fargate/prod/cluster.tfstate");
  });

  it("trusts the cluster's OIDC provider, keyed on the issuer without https://", () => {
    expect(dev.locals.lb_controller_oidc_issuer).toBe(`\${replace(${CLUSTER}.oidc_issuer_url, "https://", "")}`);
    expect(trust.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: `\${${CLUSTER}.oidc_provider_arn}` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${ISSUER}:sub`]: "system:serviceaccount:kube-system:aws-load-balancer-controller",
            [`${ISSUER}:aud`]: "sts.amazonaws.com",
          },
        },
      },
    ]);
  });

  it("trusts exactly the service account the chart creates, in the release's namespace", () => {
    expect(values.serviceAccount.create).toBe(true);
    expect(trust.Statement[0].Condition.StringEquals[`${ISSUER}:sub`]).toBe(
      serviceAccountSubject(release.namespace, values.serviceAccount.name),
    );
  });

  it("grants the official controller policy, unchanged, through a named policy attached to the role", () => {
    expect(role.name).toBe("dev-fargate-lb-controller");
    expect(prod.resource.aws_iam_role.lb_controller.name).toBe("prod-fargate-lb-controller");
    const policy = dev.resource.aws_iam_policy.lb_controller;
    expect(policy.name).toBe("dev-fargate-lb-controller");
    expect(JSON.parse(policy.policy)).toEqual(OFFICIAL_POLICY);
    expect(dev.resource.aws_iam_role_policy_attachment.lb_controller).toMatchObject({
      role: "${aws_iam_role.lb_controller.name}",
      policy_arn: "${aws_iam_policy.lb_controller.arn}",
    });
  });

  it("configures the helm provider from the cluster outputs with aws eks get-token", () => {
    expect(dev.provider.helm).toEqual([
      {
        kubernetes: {
          host: `\${${CLUSTER}.cluster_endpoint}`,
          cluster_ca_certificate: `\${base64decode(${CLUSTER}.cluster_certificate_authority_data)}`,
          exec: {
            api_version: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", `\${${CLUSTER}.cluster_name}`, "--region", "ap-northeast-2"],
          },
        },
      },
    ]);
    expect(JSON.stringify(dev)).not.toMatch(/"token"/);
  });

  it("installs the pinned chart into kube-system and waits at least 10 minutes for it to be ready", () => {
    expect(release).toMatchObject({
      name: "aws-load-balancer-controller",
      chart: "aws-load-balancer-controller",
      repository: "https://aws.github.io/eks-charts",
      version: "3.5.0",
      namespace: "kube-system",
      wait: true,
      depends_on: ["aws_iam_role_policy_attachment.lb_controller"],
    });
    expect(release.timeout).toBeGreaterThanOrEqual(600);
  });

  it("passes cluster name, VPC and role ARN to the chart as Terraform interpolations", () => {
    expect(values).toEqual({
      clusterName: `\${${CLUSTER}.cluster_name}`,
      region: "ap-northeast-2",
      vpcId: "${data.terraform_remote_state.network.outputs.vpc_id}",
      serviceAccount: {
        create: true,
        name: "aws-load-balancer-controller",
        annotations: { "eks.amazonaws.com/role-arn": "${aws_iam_role.lb_controller.arn}" },
      },
      replicaCount: 2,
      podDisruptionBudget: { maxUnavailable: 1 },
      defaultTargetType: "ip",
    });
  });

  it("sets only values keys that exist in the chart's values.yaml", () => {
    expect(unknownChartKeys(values, CHART_DEFAULTS)).toEqual([]);
  });

  it("declares exactly the contract's named outputs", () => {
    expect(Object.keys(dev.output).sort()).toEqual(outputNames("lb-controller").sort());
    expect(dev.output.lb_controller_role_arn.value).toBe("${aws_iam_role.lb_controller.arn}");
    expect(dev.output.lb_controller_release.value).toBe("${helm_release.lb_controller.name}");
    expect(dev.output.lb_controller_chart_version.value).toBe("${helm_release.lb_controller.version}");
    expect(dev.output.lb_controller_namespace.value).toBe("${helm_release.lb_controller.namespace}");
  });
});
