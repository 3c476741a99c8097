import { describe, expect, it } from "vitest";
import {
  FARGATE_PROFILES,
  FARGATE_SELECTOR_LABELS,
  FARGATE_SELECTORS,
  PUBLIC_ENDPOINT_CIDRS,
  fargateQuotaWarnings,
  quotaWarning,
} from "../../../environments/rules/quotas";

describe("EKS quotas", () => {
  it("has the EKS user guide's defaults, and only the CIDR limit is one AWS does not raise", () => {
    expect(
      [FARGATE_PROFILES, FARGATE_SELECTORS, FARGATE_SELECTOR_LABELS, PUBLIC_ENDPOINT_CIDRS].map((q) => [
        q.code,
        q.limit,
        q.adjustable,
      ]),
    ).toEqual([
      ["L-33415657", 10, true],
      ["L-D78D8AF8", 5, true],
      ["L-23414FF3", 5, true],
      ["L-93A74D60", 40, false],
    ]);
  });

  it("warns only over the default, naming the quota and the commands to check and raise it", () => {
    expect(quotaWarning(FARGATE_PROFILES, 10, "cluster.fargateProfiles")).toBeUndefined();
    expect(quotaWarning(FARGATE_PROFILES, 11, "cluster.fargateProfiles")).toBe(
      'cluster.fargateProfiles: has 11, over EKS\'s default quota "Fargate profiles per cluster" (10), so the deploy fails ' +
        "unless the account has been granted more. Check it with aws service-quotas get-service-quota --service-code eks " +
        "--quota-code L-33415657; raise it with aws service-quotas request-service-quota-increase --service-code eks " +
        "--quota-code L-33415657 --desired-value 11",
    );
  });

  it("checks every profile's selectors and every selector's labels", () => {
    const labels = Object.fromEntries(["a", "b", "c", "d", "e", "f"].map((k) => [k, "x"]));
    const warnings = fargateQuotaWarnings([{ selectors: [{}] }, { selectors: [{}, {}, {}, {}, {}, { labels }] }]);
    expect(warnings.map((w) => w.slice(0, w.indexOf(":")))).toEqual([
      "cluster.fargateProfiles[1].selectors",
      "cluster.fargateProfiles[1].selectors[5].labels",
    ]);
  });
});
