import { describe, expect, it } from "vitest";
import type { Environment } from "../../../environments/schema";
import { round2 } from "../../../modules/round";
import { canScaleOut, fargatePods } from "../../../modules/cost/fargate-pods";
import { PRICES } from "../../../modules/cost/prices";
import { costJson, costTable } from "../../../modules/cost/report";
import { estimateCostRange } from "../../../modules/cost/scale-out";
import { TEST_TODAY, projectEnvironment } from "../../support/synth";

const dev = projectEnvironment("dev");
const withAutoscaling = (autoscaling: Environment["workloads"]["autoscaling"], enabled = true): Environment => ({
  ...dev,
  workloads: { ...dev.workloads, enabled, autoscaling },
});

/** What `replicas` pods of the smallest Fargate size (0.25 vCPU / 0.5 GB) cost a month, item by item as the estimate rounds. */
function smallestPods(replicas: number, env: Environment): number {
  const { fargateVcpuHour, fargateGbHour } = PRICES.regions[env.region];
  const hours = PRICES.hoursPerMonth;
  return round2(replicas * 0.25 * fargateVcpuHour!.usd * hours) + round2(replicas * 0.5 * fargateGbHour!.usd * hours);
}

describe("estimateCostRange", () => {
  it("prices the samples at minReplicas and gives maxReplicas as maxMonthlyUsd", () => {
    const env = withAutoscaling({ minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 });
    const estimate = estimateCostRange(env, PRICES, TEST_TODAY);
    const samples = fargatePods(env).filter((p) => !p.label.startsWith("Deployment kube-system/"));
    expect(samples.map((s) => s.replicas)).toEqual([2, 2]);
    // Both samples run pods of the smallest size: the range is their 4 extra pods each, at the region's prices.
    const extra = 2 * (smallestPods(6, env) - smallestPods(2, env));
    expect(round2(estimate.maxMonthlyUsd! - estimate.monthlyUsd)).toBe(round2(extra));
    // By hand (ap-northeast-2): a pod is 0.25 × 0.04656 × 730 + 0.5 × 0.00511 × 730; 6 pods 50.98 + 11.19,
    // 2 pods 16.99 + 3.73; (62.17 - 20.72) × 2 = 82.90 on top of dev's 308.20.
    expect(estimate.monthlyUsd).toBe(308.2);
    expect(estimate.maxMonthlyUsd).toBe(391.1);
  });

  it("moves the minimum with minReplicas: one pod less per sample is one smallest pod less each", () => {
    const two = estimateCostRange(
      withAutoscaling({ minReplicas: 2, maxReplicas: 4, targetCpuUtilization: 70 }),
      PRICES,
      TEST_TODAY,
    );
    const one = estimateCostRange(
      withAutoscaling({ minReplicas: 1, maxReplicas: 4, targetCpuUtilization: 70 }),
      PRICES,
      TEST_TODAY,
    );
    expect(round2(two.monthlyUsd - one.monthlyUsd)).toBe(round2(2 * (smallestPods(2, dev) - smallestPods(1, dev))));
    expect(two.maxMonthlyUsd).toBe(one.maxMonthlyUsd);
  });

  it("gives no maximum where pods cannot scale out: no autoscaling, samples off, or max equal to min", () => {
    const fixed = { minReplicas: 3, maxReplicas: 3, targetCpuUtilization: 70 };
    for (const env of [
      withAutoscaling(undefined),
      withAutoscaling({ minReplicas: 1, maxReplicas: 5, targetCpuUtilization: 70 }, false),
      withAutoscaling(fixed),
    ]) {
      expect(canScaleOut(env)).toBe(false);
      expect(estimateCostRange(env, PRICES, TEST_TODAY)).not.toHaveProperty("maxMonthlyUsd");
    }
    expect(canScaleOut(projectEnvironment("dev"))).toBe(true);
  });
});

describe("the cost report of a range", () => {
  const env = withAutoscaling({ minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 });
  const estimate = estimateCostRange(env, PRICES, TEST_TODAY);
  const fixed = estimateCostRange(withAutoscaling(undefined), PRICES, TEST_TODAY);

  it("adds maxMonthlyUsd to the JSON of an environment that scales out, and only there", () => {
    const json = costJson([estimate, { ...fixed, environment: "other" }]);
    expect(Object.keys(json.dev)).toEqual(["monthlyUsd", "maxMonthlyUsd", "items"]);
    expect(json.dev.maxMonthlyUsd).toBe(estimate.maxMonthlyUsd);
    expect(Object.keys(json.other)).toEqual(["monthlyUsd", "items"]);
  });

  it("prints the range in the heading and the total, and says what it spans", () => {
    const table = costTable(estimate);
    expect(table.split("\n")[0]).toBe('Environment "dev" (ap-northeast-2): $308.20 to $391.10 a month');
    expect(table).toMatch(/^ +Total \$308\.20 to \$391\.10$/m);
    expect(table).toContain(
      "HorizontalPodAutoscalers at minReplicas ($308.20, what always runs) and at maxReplicas ($391.10)",
    );
    expect(costTable(fixed).split("\n")[0]).toBe('Environment "dev" (ap-northeast-2): $308.20 a month');
    expect(costTable(fixed)).not.toContain("HorizontalPodAutoscalers");
  });
});
