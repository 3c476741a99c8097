import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../environments";
import { loadEnvironments } from "../../environments/load";
import { round2 } from "../../modules/round";
import { PRICES } from "../../modules/cost/prices";
import type { CostJson } from "../../modules/cost/report";

// `npm run cost` as a user runs it, on today's calendar: these checks hold whatever the date; the
// amounts themselves are checked by hand in __tests__/modules/cost.

const cost = (...args: string[]) => spawnSync("npm", ["run", "--silent", "cost", "--", ...args], { encoding: "utf8" });
const names = loadEnvironments(ENVIRONMENTS, new Date().toISOString().slice(0, 10)).environments.map((e) => e.name);

describe("npm run cost", () => {
  const json = cost("--json");

  it("prints exactly one JSON object, keyed by every environment", () => {
    expect(json.status, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(Object.keys(parsed)).toEqual(names);
  });

  it("gives each item the documented fields, with monthly amounts that add up to the total", () => {
    const parsed: CostJson = JSON.parse(json.stdout);
    for (const [env, { monthlyUsd, items }] of Object.entries(parsed)) {
      expect(items.length, env).toBeGreaterThan(0);
      let cents = 0;
      for (const item of items) {
        expect(Object.keys(item), env).toEqual(["item", "quantity", "unit", "unitUsd", "monthlyUsd", "source"]);
        const { quantity, unit, unitUsd, monthlyUsd: monthly } = item;
        const hours = unit === "hour" ? PRICES.hoursPerMonth : 1;
        expect(monthly, `${env}: ${item.item}`).toBe(round2(quantity * unitUsd! * hours));
        cents += Math.round(monthly! * 100);
      }
      expect(Math.round(monthlyUsd * 100), env).toBe(cents);
    }
  });

  it("prints a table per environment, each with its total", () => {
    const text = cost();
    expect(text.status, text.stderr).toBe(0);
    const parsed: CostJson = JSON.parse(json.stdout);
    const tables = text.stdout.trimEnd().split(/\n\n(?=Environment ")/);
    expect(tables).toHaveLength(names.length);
    tables.forEach((table, i) => {
      const { monthlyUsd, maxMonthlyUsd } = parsed[names[i]];
      const max = maxMonthlyUsd === undefined ? "" : ` to \\$${maxMonthlyUsd.toFixed(2)}`;
      const total = `\\$${monthlyUsd.toFixed(2)}${max}`;
      expect(table.split("\n")[0]).toMatch(
        new RegExp(`^Environment "${names[i]}" \\([a-z0-9-]+\\): ${total} a month$`),
      );
      expect(table).toMatch(/^Item +Quantity +Unit +Unit price +Monthly$/m);
      expect(table).toMatch(new RegExp(`^ +Total ${total}$`, "m"));
    });
  });

  it("adds maxMonthlyUsd exactly where the samples scale out, above the minimum", () => {
    const parsed: CostJson = JSON.parse(json.stdout);
    const environments = loadEnvironments(ENVIRONMENTS, new Date().toISOString().slice(0, 10)).environments;
    for (const env of environments) {
      const { monthlyUsd, maxMonthlyUsd } = parsed[env.name];
      const { enabled, autoscaling } = env.workloads;
      if (enabled && autoscaling && autoscaling.maxReplicas > autoscaling.minReplicas) {
        expect(maxMonthlyUsd, env.name).toBeGreaterThan(monthlyUsd);
      } else {
        expect(parsed[env.name], env.name).not.toHaveProperty("maxMonthlyUsd");
      }
    }
  });

  it("refuses an unknown argument with its usage", () => {
    const result = cost("--yaml");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown argument --yaml; usage: npm run cost [-- --json]");
  });
});
