import { describe, expect, it } from "vitest";
import { loadEnvironments } from "../../../environments/load";
import { estimateCost } from "../../../modules/cost/estimate";
import { PRICES } from "../../../modules/cost/prices";
import { autoModeVariant } from "../../support/auto-mode";
import { projectEnvironments, TEST_TODAY } from "../../support/synth";

describe("the Auto Mode line of the cost estimate", () => {
  const env = loadEnvironments([autoModeVariant()], TEST_TODAY).environments[0];
  const estimate = estimateCost(env, PRICES, TEST_TODAY);
  const line = estimate.items.find((i) => i.item === "EKS Auto Mode management fee");

  it("bills the management fee per instance-hour, the instances stated as its usage, with the pricing page", () => {
    expect(line).toMatchObject({ unit: "hour", quantity: 0 });
    expect(line!.counts).toMatch(/^instance \(each EC2 instance Auto Mode launches, billed per instance type/);
    expect(line!.source).toContain("https://aws.amazon.com/eks/pricing/");
  });

  it("is left out of the total and listed as unknown while the fee table has no price", () => {
    expect(line!.unitUsd).toBeNull();
    expect(estimate.unknown).toContain("EKS Auto Mode management fee");
  });

  it("is absent where Auto Mode is off", () => {
    for (const off of projectEnvironments().filter((e) => !e.compute.autoMode.enabled)) {
      expect(estimateCost(off, PRICES, TEST_TODAY).items.map((i) => i.item)).not.toContain(
        "EKS Auto Mode management fee",
      );
    }
  });
});
