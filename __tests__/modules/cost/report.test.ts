import { describe, expect, it } from "vitest";
import type { Environment } from "../../../environments/schema";
import { estimateCost } from "../../../modules/cost/estimate";
import { PRICES } from "../../../modules/cost/prices";
import { costJson, costSummaryLine, costTable, quantityLabel, unitPrice, usd } from "../../../modules/cost/report";
import { TEST_TODAY, projectEnvironment } from "../../support/synth";

const dev = estimateCost(projectEnvironment("dev"), PRICES, TEST_TODAY);
const elsewhere = (env: Environment) => ({ ...env, region: "eu-south-2" });

describe("cost report", () => {
  it("writes amounts in dollars and cents, and unit prices with every digit", () => {
    expect(usd(1234.5)).toBe("$1,234.50");
    expect(usd(0)).toBe("$0.00");
    expect(unitPrice(0.1)).toBe("$0.10");
    expect(unitPrice(0.004445)).toBe("$0.004445");
    expect(unitPrice(1)).toBe("$1.00");
  });

  it("counts quantities in words, plural where the noun counts things", () => {
    expect(quantityLabel({ quantity: 1, counts: "gateway" })).toBe("1 gateway");
    expect(quantityLabel({ quantity: 3, counts: "address" })).toBe("3 addresses");
    expect(quantityLabel({ quantity: 2, counts: "load balancer" })).toBe("2 load balancers");
    expect(quantityLabel({ quantity: 0.5, counts: "vCPU" })).toBe("0.5 vCPU");
    expect(quantityLabel({ quantity: 29.589, counts: "GB-month" })).toBe("29.59 GB-month");
  });

  it("prints one JSON object keyed by environment with exactly the documented fields per item", () => {
    const json = costJson([dev]);
    expect(Object.keys(json)).toEqual(["dev"]);
    expect(json.dev.monthlyUsd).toBe(308.2);
    expect(json.dev.items[0]).toEqual({
      item: "NAT gateways",
      quantity: 1,
      unit: "hour",
      unitUsd: 0.059,
      monthlyUsd: 43.07,
      source: "https://aws.amazon.com/vpc/pricing/ (read 2026-11-24)",
    });
  });

  it("tables each item with its quantity, unit, unit price and monthly amount, then the total", () => {
    const lines = costTable(dev).split("\n");
    expect(lines[0]).toBe('Environment "dev" (ap-northeast-2): $308.20 a month');
    expect(lines[2]).toMatch(/^Item +Quantity +Unit +Unit price +Monthly$/);
    expect(lines[3]).toMatch(/^NAT gateways +1 gateway +hour +\$0\.059 +\$43\.07$/);
    expect(lines).toContainEqual(
      expect.stringMatching(/^Public IPv4 addresses: ALB of .+ +3 addresses +hour +\$0\.005 +\$10\.95$/),
    );
    const total = lines.find((l) => l.trim().startsWith("Total"))!;
    expect(total.trim()).toBe("Total $308.20");
    expect(total.length).toBe(lines[2].length); // right-aligned under the Monthly column
    expect(lines).toContain("Assumptions:");
    expect(lines).toContain(
      "  - Each load balancer uses 1 capacity unit (LCU or NLCU) every hour (cost.loadBalancerCapacityUnits).",
    );
  });

  it("says which items have no price, and totals the rest as a lower bound", () => {
    const estimate = estimateCost(elsewhere(projectEnvironment("prod")), PRICES, TEST_TODAY);
    const table = costTable(estimate);
    expect(table).toContain('Environment "prod" (eu-south-2): at least $0.00 a month');
    expect(table).toContain(
      "No price for eu-south-2 in vendor/aws-prices/prices.json, so left out of the total:\n  - NAT gateways\n",
    );
    expect(table).toMatch(/^NAT gateways +3 gateways +hour +unknown +unknown$/m);
    expect(costSummaryLine(estimate)).toBe(
      'Monthly cost of "prod": at least $0.00 at on-demand list prices in eu-south-2; 18 items have no price for ' +
        "eu-south-2 (npm run cost lists the items and assumptions)",
    );
  });

  it("gives synthesis one line per environment with its monthly total", () => {
    expect(costSummaryLine(dev)).toBe(
      'Monthly cost of "dev": $308.20 at on-demand list prices in ap-northeast-2 (npm run cost lists the items and assumptions)',
    );
  });
});
