import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { problemsOf } from "../support/environments";

// Messages in plain words: no validation-library jargon, the expected shape shown.

const JARGON = /\brecord\b|\ba object\b|Invalid input|Invalid option|expected .* received|Too (small|big)|>=|<=/;

describe("messages for values of the wrong kind", () => {
  it.each([
    ["backend", "local", 'backend: must be { type: "local" } or { type: "s3", bucket, keyPrefix, region, roleArn? }'],
    ["tags", ["a"], 'tags: must be a map of tag names to text, e.g. { Team: "platform" }, got ["a"]'],
    [
      "cluster",
      "x",
      'cluster: must be { endpointAccess?: "public-and-private", fargateProfiles?: [...], ... } (every field may be left out), got "x"',
    ],
    [
      "account",
      "123456789012",
      'account: must be { id: "123456789012", roleArn?: "arn:aws:iam::123456789012:role/platform-deploy" }, got "123456789012"',
    ],
    [
      "availabilityZones",
      "ap-northeast-2a",
      'availabilityZones: must be a list of zone names, e.g. ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"], got "ap-northeast-2a"',
    ],
    [
      "workloads",
      true,
      'workloads: must be { enabled: true, gameNamespace?: "app-2048", echoNamespace?: "app-echo" }, got true',
    ],
    ["vpcCidr", 10, 'vpcCidr: must be text in quotes, e.g. "10.10.0.0/16", got 10'],
  ])("%s given %j", (field, value, message) => {
    const text = problemsOf({ ...dev, [field]: value });
    expect(text).toBe(`Invalid environment "dev":\n  - ${message}`);
    expect(text).not.toMatch(JARGON);
  });

  it("shows nested shapes and plain words for lists, choices and switches", () => {
    const text = problemsOf({
      ...dev,
      cluster: {
        fargateProfiles: [{ name: "kube-system", selectors: "kube-system" }],
        logTypes: ["all"],
        logRetentionDays: "90",
      },
      workloads: { enabled: "yes" },
    });
    expect(text).toContain(
      'cluster.fargateProfiles[0].selectors: must be a list of selectors, e.g. [{ namespace: "app-*" }], got "kube-system"',
    );
    expect(text).toContain(
      'cluster.logTypes[0]: must be "api", "audit", "authenticator", "controllerManager" or "scheduler"',
    );
    expect(text).toContain('cluster.logRetentionDays: must be a number, got "90"');
    expect(text).toContain('workloads.enabled: must be true or false, got "yes"');
    expect(text).not.toMatch(JARGON);
  });

  it("says an empty list can be left out to take the default", () => {
    expect(problemsOf({ ...dev, cluster: { fargateProfiles: [] } })).toContain(
      "cluster.fargateProfiles: must list at least 1, or be left out to take the default",
    );
  });

  it("prints odd values safely and shortly", () => {
    expect(problemsOf({ ...dev, name: 10n })).toContain('name: must be text in quotes, e.g. "dev", got 10n');
    const long = problemsOf({ ...dev, clusterName: "c".repeat(5000) });
    expect(long).toContain(`clusterName: must be 1-40 letters`);
    expect(long.length).toBeLessThan(500);
    expect(problemsOf({ ...dev, region: "x".repeat(5000) })).toContain(
      `region: "${"x".repeat(100)}"... (5000 characters) is not a region`,
    );
  });
});
