import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { policyAttachmentId } from "../../modules/compute/node-role";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERRUPTION_EVENTS } from "../../modules/compute/karpenter/interruption-events";
import { karpenterNodePolicyNames } from "../../modules/compute/karpenter/node-role";
import { COMPONENTS, stackId } from "../../stacks/contract";
import { karpenterEnvironment } from "../support/environments";
import { type Synthesized, synthesize } from "../support/synth";
import { requireTerraform, terraform, type TerraformResult, writeCliConfig } from "./harness";
import { buildWorkspace, plannedChanges, type Workspace } from "./workspace";

// Rungs 3 and 4 for Karpenter's AWS parts: an environment derived from the default one with Karpenter on
// is validated with the real AWS provider, planned, mock-applied and planned again. A second file applies
// the same environment synthesized without Karpenter, then plans it with Karpenter against that state
// (terraform test's state_key shares the state; module { source } swaps the configuration): turning
// Karpenter on must only create.

const withKarpenter = karpenterEnvironment();
const withoutKarpenter = {
  ...withKarpenter,
  compute: { ...withKarpenter.compute, karpenter: { enabled: false, nodePools: [] } },
};
const addons = stackId(withKarpenter.name, "addons");

/** The AWS resources Karpenter adds to the add-ons stack, as plan addresses. */
const KARPENTER_ADDRESSES = [
  "aws_iam_role.karpenter",
  "aws_iam_policy.karpenter",
  "aws_iam_role_policy_attachment.karpenter",
  "aws_iam_role.karpenter_node",
  ...karpenterNodePolicyNames(false).map(
    (policy) => `aws_iam_role_policy_attachment.${policyAttachmentId("karpenter_node", policy)}`,
  ),
  "aws_eks_access_entry.karpenter_node",
  "aws_sqs_queue.karpenter",
  "aws_sqs_queue_policy.karpenter",
  ...INTERRUPTION_EVENTS.flatMap(({ name }) => [
    `aws_cloudwatch_event_rule.karpenter_${name}`,
    `aws_cloudwatch_event_target.karpenter_${name}`,
  ]),
].sort();

describe("offline Terraform checks of Karpenter's AWS parts", () => {
  let synth: Synthesized;
  let workspace: Workspace;
  let validate: TerraformResult;
  let test: TerraformResult;
  const temporary: string[] = [];

  beforeAll(() => {
    requireTerraform();
    synth = synthesize([withKarpenter]);
    const before = synthesize([withoutKarpenter]);
    const ids = COMPONENTS.map((c) => stackId(withKarpenter.name, c));
    const runs = {
      offline: ["plan", "apply", "replan"].map(
        (run) => `run "${run}" {\n  command = ${run === "apply" ? "apply" : "plan"}\n}\n`,
      ),
      adding: [
        `run "without_karpenter" {\n  command = apply\n  state_key = "adding"\n  module {\n    source = "./without-karpenter"\n  }\n}\n`,
        `run "with_karpenter" {\n  command = plan\n  state_key = "adding"\n}\n`,
      ],
    };
    workspace = buildWorkspace(synth, ids, runs);
    // The configuration without Karpenter, beside the one with it: same stacks, module and provider names.
    const previous = buildWorkspace(before, ids, {});
    cpSync(previous.dir, join(workspace.dir, "without-karpenter"), { recursive: true });
    const cliConfig = writeCliConfig(mkdtempSync(join(tmpdir(), "tf-cli-")));
    temporary.push(workspace.dir, previous.dir, join(cliConfig, ".."), synth.outdir, before.outdir);
    const init = terraform(workspace.dir, cliConfig, ["init", "-input=false", "-backend=false"]);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    validate = terraform(workspace.dir, cliConfig, ["validate", "-json"]);
    test = terraform(workspace.dir, cliConfig, ["test", "-verbose"]);
  }, 600_000);

  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  it("terraform validate accepts the stacks with Karpenter, without warnings", () => {
    const result = JSON.parse(validate.output.slice(validate.output.indexOf("{")));
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("plans, mock-applies and plans again, and turns Karpenter on in a running environment", () => {
    expect(test.output).toMatch(/Success! 5 passed, 0 failed/);
    expect(test.status, test.output.slice(-4000)).toBe(0);
  });

  it("plans Karpenter's resources in the add-ons stack", () => {
    const module = workspace.moduleOf[addons];
    const created = (plannedChanges(test.output, "plan")[module] ?? [])
      .filter((change) => change.endsWith("will be created"))
      .map((change) => change.replace(/ will be created$/, ""));
    expect(created.filter((address) => address.includes("karpenter")).sort()).toEqual(KARPENTER_ADDRESSES);
  });

  it("plans nothing after the mocked apply", () => {
    expect(test.output).toMatch(/^\s*run "replan"\.\.\. pass$/m);
    expect(plannedChanges(test.output, "replan")).toEqual({});
  });

  it("only creates, and only Karpenter's resources, when Karpenter is turned on", () => {
    expect(test.output).toMatch(/^\s*run "with_karpenter"\.\.\. pass$/m);
    expect(plannedChanges(test.output, "with_karpenter")).toEqual({
      [workspace.moduleOf[addons]]: KARPENTER_ADDRESSES.map((address) => `${address} will be created`),
    });
  });
});
