import { describe, expect, it } from "vitest";
import { PRICE_KEYS, PRICES } from "../../../modules/cost/prices";

describe("the vendored price table", () => {
  it("prices every item in ap-northeast-2 and us-east-1", () => {
    for (const region of ["ap-northeast-2", "us-east-1"]) {
      expect(Object.keys(PRICES.regions[region]).sort(), region).toEqual([...PRICE_KEYS].sort());
    }
    expect(PRICES.hoursPerMonth).toBe(730);
  });

  it("gives each price in USD with the AWS pricing page it came from and the day it was read", () => {
    for (const [region, prices] of Object.entries(PRICES.regions)) {
      for (const [key, price] of Object.entries(prices)) {
        expect(PRICE_KEYS, `${region} ${key}`).toContain(key);
        expect(price.usd, `${region} ${key}`).toBeGreaterThan(0);
        expect(price.page, `${region} ${key}`).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z]+\/pricing\/$/);
        expect(price.read, `${region} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("keeps extended support at six times the standard control-plane price, as EKS bills it", () => {
    for (const prices of Object.values(PRICES.regions)) {
      expect(prices.eksClusterExtendedHour!.usd).toBeCloseTo(6 * prices.eksClusterStandardHour!.usd, 10);
    }
  });
});
