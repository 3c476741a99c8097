import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { synthesizedProject } from "../support/synth";
import { requireTerraform, terraform, type TerraformResult, writeCliConfig } from "./harness";
import { awsOnly, buildWorkspace, plannedChanges, plannedCreates, type Workspace } from "./workspace";

// Rungs 3 and 4 of the verification ladder: the real AWS provider 5.100.0 validates every stack,
// then `terraform test` plans and applies them against a mocked provider, feeding each stack
// fake outputs named exactly as its upstream stack declares them, and plans once more against the
// applied state to prove a second deploy changes nothing.

/** Resources each stack must plan to create (its AWS resources; Kubernetes and Helm are filtered). */
const EXPECTED_CREATES: Record<string, number> = {
  // vpc, 3+3 subnets, igw, 1 eip, 1 nat, 2 route tables, 2 routes, 6 associations, 3 defaults
  "dev-network": 23,
  // as dev, with a NAT gateway, EIP, private route table and route per zone
  "prod-network": 31,
  // cluster, its role and 2 policy attachments, KMS key and alias, control-plane and pod log groups,
  // deployer access entry and admin policy association, OIDC provider, Fargate logging policy, and per
  // profile (2) a pod execution role, 2 attachments and the profile
  "dev-cluster": 20,
  "prod-cluster": 20,
  // coredns, vpc-cni, kube-proxy add-ons, and the Fluent Bit process log group (dev ships those logs)
  "dev-addons": 4,
  // the three add-ons; prod leaves Fluent Bit's process logs off
  "prod-addons": 3,
  // the controller's IAM role, its policy (the official one) and the attachment; the Helm release is filtered
  "dev-lb-controller": 3,
  "prod-lb-controller": 3,
  // only Kubernetes resources (the samples), all filtered; the stack has no AWS provider
  "dev-workloads": 0,
};

describe("offline Terraform checks", () => {
  const synth = synthesizedProject();
  let workspace: Workspace;
  let cliConfig: string;
  let validate: TerraformResult;
  let test: TerraformResult;

  beforeAll(() => {
    requireTerraform();
    workspace = buildWorkspace(synth, synth.stackIds);
    cliConfig = writeCliConfig(mkdtempSync(join(tmpdir(), "tf-cli-")));
    const init = terraform(workspace.dir, cliConfig, ["init", "-input=false", "-backend=false"]);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    validate = terraform(workspace.dir, cliConfig, ["validate", "-json"]);
    test = terraform(workspace.dir, cliConfig, ["test", "-verbose"]);
  }, 600_000);

  it("covers every synthesized stack", () => {
    expect(Object.keys(EXPECTED_CREATES).sort()).toEqual([...synth.stackIds].sort());
  });

  it("terraform validate accepts every stack with the real AWS provider, without warnings", () => {
    const result = JSON.parse(validate.output.slice(validate.output.indexOf("{")));
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("terraform test plans, mock-applies and plans again every stack", () => {
    expect(test.output).toMatch(/Success! 3 passed, 0 failed/);
    expect(test.status, test.output.slice(-4000)).toBe(0);
  });

  // With a mocked provider, values computed at apply stay fixed in state, so a change here is a real
  // non-idempotency of the configuration (a timestamp, a value that differs between plans, ...).
  it.each(Object.keys(EXPECTED_CREATES))("%s: a plan after the mocked apply changes nothing", (stackId) => {
    expect(test.output).toMatch(/^\s*run "replan"\.\.\. pass$/m);
    expect(plannedChanges(test.output, "replan")[workspace.moduleOf[stackId]] ?? []).toEqual([]);
  });

  it.each(Object.entries(EXPECTED_CREATES))("%s plans exactly %i resources", (stackId, expected) => {
    const counts = plannedCreates(test.output);
    expect(counts[workspace.moduleOf[stackId]] ?? 0).toBe(expected);
    // The plan creates what the synthesized JSON declares: nothing hidden in count or for_each.
    const declared = Object.values(awsOnly(synth.stack(stackId)).resource ?? {}).flatMap((r) =>
      Object.keys(r as object),
    );
    expect(declared).toHaveLength(expected);
  });
});
