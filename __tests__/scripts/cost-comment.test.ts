import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Environment } from "../../environments/schema";
import { estimateCost } from "../../modules/cost/estimate";
import { PRICES } from "../../modules/cost/prices";
import { costJson, usd } from "../../modules/cost/report";
import { changedItems, renderCostSection, signedUsd } from "../../scripts/cost-comment";
import { readCostSection } from "../../scripts/pr-diff";
import { TEST_TODAY, projectEnvironments } from "../support/synth";

/** The project's estimates, with dev changed by `patch`. */
function estimates(patch: (env: Environment) => Environment = (env) => env) {
  return costJson(
    projectEnvironments().map((env) => estimateCost(env.name === "dev" ? patch(env) : env, PRICES, TEST_TODAY)),
  );
}

const base = estimates();
const perZoneNat = estimates((env) => ({ ...env, natStrategy: "one-per-az" }));
// The environments other than dev, which the changes here leave as they are.
const others = Object.keys(base).filter((name) => name !== "dev");
const unchangedRows = others.map(
  (name) => `| \`${name}\` | ${usd(base[name].monthlyUsd)} | ${usd(base[name].monthlyUsd)} | $0.00 |`,
);

describe("the cost section of the pull-request comment", () => {
  it("shows each environment's estimate, its change, and the items that changed (single to one-per-az NAT)", () => {
    expect(renderCostSection(base, perZoneNat)).toBe(
      [
        "",
        "### Monthly cost estimate",
        "",
        "On-demand list prices at 730 hours a month (`npm run cost`), at the base commit and at this pull request's.",
        "",
        "| Environment | Base | This pull request | Change |",
        "| --- | ---: | ---: | ---: |",
        // dev: 308.20 + 2 × 0.059 × 730 (86.14) + 2 × 0.005 × 730 (7.30) = 401.64
        "| `dev` | $308.20 | $401.64 | +$93.44 |",
        ...unchangedRows,
        "",
        "Items that changed in `dev`:",
        "",
        "| Item | Base | This pull request | Change |",
        "| --- | --- | --- | ---: |",
        "| NAT gateways | 1 × $0.059/h = $43.07 | 3 × $0.059/h = $129.21 | +$86.14 |",
        "| Public IPv4 addresses: NAT gateways' Elastic IPs | 1 × $0.005/h = $3.65 | 3 × $0.005/h = $10.95 | +$7.30 |",
        "",
      ].join("\n"),
    );
  });

  it("lists items added and removed, e.g. the samples turned off", () => {
    const off = estimates((env) => ({ ...env, workloads: { ...env.workloads, enabled: false } }));
    const changed = changedItems(base.dev.items, off.dev.items);
    expect(changed.every((c) => c.head === undefined)).toBe(true);
    expect(changed.map((c) => c.item)).toContain("ALB: Ingress study-2048/ingress-2048");
    const section = renderCostSection(base, off);
    // The samples: 2 × (16.99 + 3.73) = 41.44 of Fargate and 64.98 of load balancers and their addresses.
    expect(section).toContain("| `dev` | $308.20 | $201.78 | -$106.42 |");
    expect(section).toContain("| ALB: Ingress study-2048/ingress-2048 | 1 × $0.0225/h = $16.43 | — | -$16.43 |");
  });

  it("shows the head's estimate alone when the base commit has none, and marks new and removed environments", () => {
    const section = renderCostSection(undefined, base);
    expect(section).toContain("The base commit has no estimate (`npm run cost -- --json` did not run there).");
    expect(section).toContain("| `dev` | — | $308.20 | new |");
    const { dev, ...rest } = base;
    const onlyDev = { dev };
    for (const [name, estimate] of Object.entries(rest)) {
      expect(renderCostSection(base, onlyDev)).toContain(`| \`${name}\` | ${usd(estimate.monthlyUsd)} | — | removed |`);
      expect(renderCostSection(onlyDev, base)).toContain(`| \`${name}\` | — | ${usd(estimate.monthlyUsd)} | new |`);
    }
  });

  it("writes changes with their sign, to the cent", () => {
    expect(signedUsd(93.44)).toBe("+$93.44");
    expect(signedUsd(-1234.5)).toBe("-$1,234.50");
    expect(signedUsd(0.001)).toBe("$0.00");
  });

  it("is read from the estimates the workflow saved next to the plans", () => {
    const dir = mkdtempSync(join(tmpdir(), "cost-comment-"));
    expect(readCostSection(dir)).toBe("");
    writeFileSync(join(dir, "cost-head.json"), JSON.stringify(perZoneNat));
    expect(readCostSection(dir)).toBe(renderCostSection(undefined, perZoneNat));
    writeFileSync(join(dir, "cost-base.json"), `${JSON.stringify(base)}\n`);
    expect(readCostSection(dir)).toBe(renderCostSection(base, perZoneNat));
  });
});
