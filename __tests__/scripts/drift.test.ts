import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { driftIssueBody, driftIssueTitle, driftState } from "../../scripts/drift";
import { readPlan, type StackRun } from "../../scripts/pr-comment";

// The drift check reads the same `cdktf diff` logs as the pull-request review (real logs in fixtures/).

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const noChanges = (stack: string): StackRun => ({
  stack,
  log: `${stack}  No changes. Your infrastructure matches the configuration.`,
  exitCode: 0,
});
const replaced: StackRun = {
  stack: "dev-cluster",
  log: fixture("cdktf-diff-dev-cluster-kube-system-profile-replaced.log"),
  exitCode: 0,
};
const stopped: StackRun = {
  stack: "dev-cluster",
  log: fixture("cdktf-diff-dev-cluster-two-minor-jump.log"),
  exitCode: 1,
};

describe("drift check", () => {
  it("is clean when every stack plans no changes", () => {
    expect(driftState([noChanges("dev-network"), noChanges("dev-cluster")].map(readPlan))).toBe("clean");
  });

  it("finds drift when a stack's plan is not empty", () => {
    expect(driftState([noChanges("dev-network"), replaced].map(readPlan))).toBe("drift");
  });

  it("fails, rather than calling it clean or drift, when a stack cannot be planned", () => {
    expect(driftState([noChanges("dev-network"), stopped, replaced].map(readPlan))).toBe("failed");
  });

  it("writes an issue that says what drift is and how to resolve it, then every plan and what it breaks", () => {
    const body = driftIssueBody("dev", [noChanges("dev-network"), replaced], "0123abc", "https://example.test/run/7");
    expect(driftIssueTitle("dev")).toBe("Drift in environment dev");
    expect(body).toContain("at least\none plan is not empty: AWS no longer matches the main branch.");
    expect(body).toContain("(run the Deploy workflow for `dev`)");
    expect(body).toContain("| `dev-cluster` | ⚠️ Plan: 1 to add, 0 to change, 1 to destroy. |");
    expect(body).toContain("`dev-cluster`: `aws_eks_fargate_profile.kube_system` is replaced.");
    expect(body).toContain("Commit 0123abc · [workflow run and full logs](https://example.test/run/7)");
    expect(body.length).toBeLessThanOrEqual(65_536);
  });
});
