import { describe, expect, it } from "vitest";
import type { NodePoolSettings } from "../../../environments/compute";
import { dev } from "../../../environments/dev";
import { loadEnvironments } from "../../../environments/load";
import { cronProblem, nodePoolProblems } from "../../../environments/rules/node-pools";
import { problemsOf } from "../../support/environments";
import { TEST_TODAY } from "../../support/synth";

const pool = (overrides: Partial<NodePoolSettings> = {}): NodePoolSettings => ({
  name: "general",
  architectures: ["amd64"],
  capacityTypes: ["on-demand"],
  instanceCategories: ["c", "m", "r"],
  cpuLimit: 100,
  ...overrides,
});

describe("cronProblem", () => {
  it("accepts five fields, names, ranges, lists, steps and the descriptors", () => {
    for (const schedule of [
      "0 9 * * mon-fri",
      "*/15 0-6,22-23 1 jan-mar SUN",
      "30 2 ? * 0",
      "5/10 * * * *",
      "@daily",
    ]) {
      expect(cronProblem(schedule), schedule).toBeUndefined();
    }
  });

  it("names the field that is out of range or malformed", () => {
    expect(cronProblem("0 24 * * *")).toMatch(/has "24" as its hour, which must be \*, a value from 0 to 23/);
    expect(cronProblem("0 9 * * 7")).toMatch(/as its day of week/);
    expect(cronProblem("0 9 * 13 *")).toMatch(/as its month/);
    expect(cronProblem("0 9 5-1 * *")).toMatch(/as its day of month/);
    expect(cronProblem("*/0 * * * *")).toMatch(/as its minute/);
    expect(cronProblem("0 9 * * funday")).toMatch(/as its day of week/);
  });

  it("counts the fields and rejects unknown descriptors", () => {
    expect(cronProblem("0 9 * *")).toMatch(/^has 4 fields; a cron schedule has 5/);
    expect(cronProblem("0 0 9 * * *")).toMatch(/^has 6 fields/);
    expect(cronProblem("@every 1h")).toMatch(/^is not one of @yearly/);
  });
});

describe("nodePoolProblems", () => {
  it("finds nothing wrong with sound pools", () => {
    const budgets = [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }, { nodes: "10%" }, { nodes: "3" }];
    expect(nodePoolProblems([pool({ disruptionBudgets: budgets }), pool({ name: "spot" })])).toEqual([]);
  });

  it("rejects an instance category no EC2 instance type has", () => {
    expect(nodePoolProblems([pool({ instanceCategories: ["c", "q"] })])).toEqual([
      { path: [0, "instanceCategories", 1], message: expect.stringMatching(/^"q" is no EC2 instance category/) },
    ]);
  });

  it("rejects a budget whose nodes are neither a count nor a percentage", () => {
    for (const nodes of ["ten", "101%", "-1", "5.5", ""]) {
      expect(nodePoolProblems([pool({ disruptionBudgets: [{ nodes }] })]), nodes).toEqual([
        {
          path: [0, "disruptionBudgets", 0, "nodes"],
          message: expect.stringContaining("is neither a node count"),
        },
      ]);
    }
  });

  it("requires a schedule and a duration together", () => {
    expect(nodePoolProblems([pool({ disruptionBudgets: [{ nodes: "0", schedule: "@daily" }] })])).toEqual([
      {
        path: [0, "disruptionBudgets", 0, "duration"],
        message: expect.stringMatching(/^is missing: a budget with a schedule/),
      },
    ]);
    expect(nodePoolProblems([pool({ disruptionBudgets: [{ nodes: "0", duration: "1h" }] })])).toEqual([
      {
        path: [0, "disruptionBudgets", 0, "schedule"],
        message: expect.stringMatching(/^is missing: a budget with a duration/),
      },
    ]);
  });

  it("rejects a schedule cron cannot parse and a duration Karpenter does not accept", () => {
    const problems = nodePoolProblems([
      pool({ disruptionBudgets: [{ nodes: "0", schedule: "0 25 * * *", duration: "1d" }] }),
    ]);
    expect(problems.map((p) => p.path.at(-1))).toEqual(["schedule", "duration"]);
    expect(problems[1].message).toBe(
      '"1d" is not a duration Karpenter accepts: whole hours and/or minutes, e.g. "8h", "30m" or "1h30m"',
    );
  });

  it("rejects a name used twice and a name Kubernetes refuses", () => {
    expect(nodePoolProblems([pool(), pool({ name: "general" }), pool({ name: "Bad_Name" })])).toEqual([
      {
        path: [1, "name"],
        message:
          '"general" is already the name of the pool at [0]; NodePool names are unique in a cluster, so give each pool its own',
      },
      {
        path: [2, "name"],
        message: expect.stringMatching(/^"Bad_Name" is not a name Kubernetes accepts for a NodePool/),
      },
    ]);
    expect(nodePoolProblems([pool({ name: "a".repeat(64) })])).toHaveLength(1);
  });
});

describe("node pool rules at load", () => {
  const withPools = (where: "karpenter" | "autoMode", pools: unknown[]) => ({
    ...dev,
    compute:
      where === "karpenter"
        ? { karpenter: { enabled: true, nodePools: pools } }
        : { autoMode: { enabled: true, customNodePools: pools } },
  });

  it("reports Karpenter's pool problems under compute.karpenter.nodePools", () => {
    expect(problemsOf(withPools("karpenter", [pool({ instanceCategories: ["q"] })]))).toContain(
      '  - compute.karpenter.nodePools[0].instanceCategories[0]: "q" is no EC2 instance category',
    );
  });

  it("reports Auto Mode's custom pool problems under compute.autoMode.customNodePools", () => {
    expect(problemsOf(withPools("autoMode", [pool(), pool()]))).toContain(
      '  - compute.autoMode.customNodePools[1].name: "general" is already the name of the pool at [0]',
    );
  });

  it("loads sound pools", () => {
    const { environments } = loadEnvironments([withPools("karpenter", [pool()])], TEST_TODAY);
    expect(environments[0].compute.karpenter.nodePools).toEqual([pool()]);
  });
});
