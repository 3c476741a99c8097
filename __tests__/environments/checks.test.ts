import { describe, expect, it } from "vitest";
import { checkEnvironment } from "../../environments/checks";
import { dev } from "../../environments/dev";
import { EnvironmentError, loadEnvironments } from "../../environments/load";
import { TEST_TODAY } from "../support/synth";

const [loadedDev] = loadEnvironments([dev], TEST_TODAY).environments;

describe("checkEnvironment", () => {
  it("summarizes dev's workloads and warns only that its public API endpoint is open to 0.0.0.0/0", () => {
    const report = checkEnvironment(loadedDev, TEST_TODAY);
    expect(report.warnings).toEqual([expect.stringContaining("cluster.publicAccessCidrs")]);
    const restricted = { ...loadedDev, cluster: { ...loadedDev.cluster, publicAccessCidrs: ["1.2.3.0/24"] } };
    expect(checkEnvironment(restricted, TEST_TODAY).warnings).toEqual([]);
    expect(report.summary).toMatch(/^Placement of "dev":\n {2}Deployment kube-system\/coredns: 2 pods/);
    expect(report.summary).toContain("  Deployment study-2048/deployment-2048: 2 pods");
  });

  it("summarizes the platform's own pods when the environment runs no samples", () => {
    const off = { ...loadedDev, workloads: { ...loadedDev.workloads, enabled: false } };
    const summary = checkEnvironment(off, TEST_TODAY).summary;
    expect(summary).toMatch(
      /^Placement of "dev":\n {2}Deployment kube-system\/coredns: 2 pods of 0.25 vCPU \/ 0.5 GB on Fargate, profile kube-system\n/,
    );
    expect(summary).not.toContain("study-");
  });

  it("refuses an aws-logging ConfigMap Fargate would reject, one line per rule, naming the environment", () => {
    const env = { ...loadedDev, region: "ap-northeast-2 ${AWS_REGION}" };
    expect(() => checkEnvironment(env, TEST_TODAY)).toThrow(EnvironmentError);
    expect(() => checkEnvironment(env, TEST_TODAY)).toThrow(
      'Invalid environment "dev":\n' +
        "  - addons: the aws-logging ConfigMap would be rejected by Fargate: output.conf uses the environment " +
        "variable ${AWS_REGION}, which Fargate does not support; write the value itself instead.",
    );
  });
});
