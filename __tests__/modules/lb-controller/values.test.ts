import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lbControllerValues, renderLbControllerValues } from "../../../modules/lb-controller/values";
import { unknownChartKeys } from "../../support/chart-values";

const CHART_DEFAULTS = parse(
  readFileSync(join(__dirname, "../../../vendor/aws-load-balancer-controller/values.yaml"), "utf8"),
);

const settings = {
  clusterName: "dev-fargate",
  region: "ap-northeast-2",
  vpcId: "vpc-0123456789abcdef0",
  serviceAccountName: "aws-load-balancer-controller",
  roleArn: "arn:aws:iam::123456789012:role/dev-fargate-lb-controller",
};

describe("lbControllerValues", () => {
  it("tells the controller what Fargate's missing instance metadata would have", () => {
    expect(lbControllerValues(settings)).toMatchObject({
      clusterName: "dev-fargate",
      region: "ap-northeast-2",
      vpcId: "vpc-0123456789abcdef0",
    });
  });

  it("has the chart create the service account, annotated with the IRSA role", () => {
    expect(lbControllerValues(settings).serviceAccount).toEqual({
      create: true,
      name: "aws-load-balancer-controller",
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/dev-fargate-lb-controller" },
    });
  });

  it("runs two replicas with a disruption budget and IP targets by default", () => {
    expect(lbControllerValues(settings)).toMatchObject({
      replicaCount: 2,
      podDisruptionBudget: { maxUnavailable: 1 },
      defaultTargetType: "ip",
    });
  });

  it("uses only keys the pinned chart's values.yaml has", () => {
    expect(unknownChartKeys(lbControllerValues(settings), CHART_DEFAULTS)).toEqual([]);
  });
});

describe("renderLbControllerValues", () => {
  it("renders YAML that reads back as the same values", () => {
    expect(parse(renderLbControllerValues(settings))).toEqual(lbControllerValues(settings));
  });

  it("quotes strings, so a cluster named like a number or boolean stays a string once Terraform fills it in", () => {
    const yaml = renderLbControllerValues({ ...settings, clusterName: "${var.name}" });
    expect(yaml).toContain('clusterName: "${var.name}"\n');
    expect(parse(yaml.replace("${var.name}", "1234")).clusterName).toBe("1234");
    expect(parse(yaml.replace("${var.name}", "true")).clusterName).toBe("true");
  });

  it("never folds a long value onto a second line", () => {
    const roleArn = `arn:aws:iam::123456789012:role/${"r".repeat(64)}`;
    expect(renderLbControllerValues({ ...settings, roleArn })).toContain(`eks.amazonaws.com/role-arn: "${roleArn}"\n`);
  });
});

describe("unknownChartKeys", () => {
  it("names a key the chart does not have, at any depth", () => {
    const values = { ...lbControllerValues(settings), replicas: 2, serviceAccount: { nmae: "x" } };
    expect(unknownChartKeys(values, CHART_DEFAULTS)).toEqual(["serviceAccount.nmae", "replicas"]);
  });

  it("accepts any key below a map the chart leaves empty", () => {
    expect(unknownChartKeys({ podDisruptionBudget: { minAvailable: 1 } }, CHART_DEFAULTS)).toEqual([]);
  });
});
