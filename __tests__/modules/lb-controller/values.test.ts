import { describe, expect, it } from "vitest";
import { unknownChartKeys, vendoredChartDefaults } from "../../../modules/kubernetes/chart-values";
import { LB_CONTROLLER_CHART } from "../../../modules/lb-controller/lb-controller";
import { lbControllerValues } from "../../../modules/lb-controller/values";

const CHART_DEFAULTS = vendoredChartDefaults(LB_CONTROLLER_CHART.valuesFile);

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
