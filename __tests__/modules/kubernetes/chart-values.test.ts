import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderChartValues, unknownChartKeys } from "../../../modules/kubernetes/chart-values";

const DEFAULTS = {
  clusterName: "",
  replicaCount: 2,
  serviceAccount: { create: true, name: "" },
  podDisruptionBudget: {},
};
const values = { clusterName: "dev-fargate", serviceAccount: { create: true, name: "sa" } };

describe("unknownChartKeys", () => {
  it("names a key the chart does not have, at any depth", () => {
    expect(unknownChartKeys({ ...values, replicas: 2, serviceAccount: { nmae: "x" } }, DEFAULTS)).toEqual([
      "serviceAccount.nmae",
      "replicas",
    ]);
  });

  it("accepts any key below a map the chart leaves empty", () => {
    expect(unknownChartKeys({ podDisruptionBudget: { minAvailable: 1 } }, DEFAULTS)).toEqual([]);
  });
});

describe("renderChartValues", () => {
  it("renders YAML that reads back as the same values", () => {
    expect(parse(renderChartValues(values))).toEqual(values);
  });

  it("quotes strings, so a cluster named like a number or boolean stays a string once Terraform fills it in", () => {
    const yaml = renderChartValues({ clusterName: "${var.name}" });
    expect(yaml).toBe('clusterName: "${var.name}"\n');
    expect(parse(yaml.replace("${var.name}", "1234")).clusterName).toBe("1234");
    expect(parse(yaml.replace("${var.name}", "true")).clusterName).toBe("true");
  });

  it("never folds a long value onto a second line", () => {
    const roleArn = `arn:aws:iam::123456789012:role/${"r".repeat(64)}`;
    expect(renderChartValues({ roleArn })).toBe(`roleArn: "${roleArn}"\n`);
  });
});
