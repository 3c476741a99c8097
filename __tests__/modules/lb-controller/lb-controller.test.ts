import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { LB_CONTROLLER_CHART } from "../../../modules/lb-controller/lb-controller";
import { vendoredChecksums, vendoredText } from "../../support/vendored";

const vendored = (file: string) => vendoredText("aws-load-balancer-controller", file);

describe("vendored Load Balancer Controller files", () => {
  it("are the upstream bytes whose SHA-256 the vendor README records", () => {
    const checksums = vendoredChecksums("aws-load-balancer-controller");
    expect(checksums.map((c) => c.file).sort()).toEqual(["Chart.yaml", "iam_policy.json", "values.yaml"]);
    for (const { file, recorded, actual } of checksums) expect(actual, file).toBe(recorded);
  });

  it("belong to the chart version the release pins", () => {
    const chart = parse(vendored("Chart.yaml"));
    expect(chart.name).toBe(LB_CONTROLLER_CHART.name);
    expect(chart.version).toBe(LB_CONTROLLER_CHART.version);
    expect(parse(vendored("values.yaml")).image.tag).toBe(chart.appVersion);
  });
});
