import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { problemsOf as problemsWith } from "../support/environments";
import { TEST_TODAY } from "../support/synth";

const problemsOf = (cost: Record<string, unknown>) => problemsWith({ ...dev, cost });

describe("cost settings", () => {
  it("default to one capacity unit per load balancer and stated log volumes", () => {
    const [env] = loadEnvironments([dev], TEST_TODAY).environments;
    expect(env.cost).toEqual({
      loadBalancerCapacityUnits: 1,
      logsGbPerMonth: { controlPlane: 10, fargatePods: 5, fluentBitProcess: 1, flowLogs: 5 },
    });
  });

  it("keep the defaults of the volumes not given", () => {
    const [env] = loadEnvironments(
      [{ ...dev, cost: { logsGbPerMonth: { fargatePods: 50 } } }],
      TEST_TODAY,
    ).environments;
    expect(env.cost.logsGbPerMonth).toEqual({ controlPlane: 10, fargatePods: 50, fluentBitProcess: 1, flowLogs: 5 });
  });

  it("reject negative or non-numeric volumes and unknown fields, naming the field", () => {
    expect(problemsOf({ loadBalancerCapacityUnits: -1, logsGbPerMonth: { controlPlane: "ten", pods: 5 } })).toBe(
      'Invalid environment "dev":\n' +
        "  - cost.loadBalancerCapacityUnits: must be a number of capacity units, 0 or more\n" +
        '  - cost.logsGbPerMonth.controlPlane: must be a number, got "ten"\n' +
        "  - cost.logsGbPerMonth.pods: is not a known field; remove it or correct its spelling",
    );
    expect(problemsOf({ logsGbPerMonth: { fluentBitProcess: -0.5 } })).toBe(
      'Invalid environment "dev":\n  - cost.logsGbPerMonth.fluentBitProcess: must be a number of GB a month, 0 or more',
    );
  });
});
