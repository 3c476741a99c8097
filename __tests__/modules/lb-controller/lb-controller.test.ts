import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { LB_CONTROLLER_CHART } from "../../../modules/lb-controller/lb-controller";

const VENDOR = join(__dirname, "../../../vendor/aws-load-balancer-controller");
const vendored = (file: string) => readFileSync(join(VENDOR, file), "utf8");

describe("vendored Load Balancer Controller files", () => {
  it("are the upstream bytes whose SHA-256 the vendor README records", () => {
    const recorded = [...vendored("README.md").matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)];
    expect(recorded.map((m) => m[2]).sort()).toEqual(["Chart.yaml", "iam_policy.json", "values.yaml"]);
    for (const [, sha256, file] of recorded) {
      expect(
        createHash("sha256")
          .update(readFileSync(join(VENDOR, file)))
          .digest("hex"),
        file,
      ).toBe(sha256);
    }
  });

  it("belong to the chart version the release pins", () => {
    const chart = parse(vendored("Chart.yaml"));
    expect(chart.name).toBe(LB_CONTROLLER_CHART.name);
    expect(chart.version).toBe(LB_CONTROLLER_CHART.version);
    expect(parse(vendored("values.yaml")).image.tag).toBe(chart.appVersion);
  });
});
