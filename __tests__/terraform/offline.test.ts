import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Environment } from "../../environments/schema";
import { ADDON_NAMES } from "../../modules/addons/versions";
import { clusterAdmins } from "../../modules/cluster/admins";
import { INTERRUPTION_EVENTS } from "../../modules/compute/karpenter/interruption-events";
import { COMPONENTS, type Component, stackId } from "../../stacks/contract";
import { loadEnvironments } from "../../environments/load";
import { autoModeVariant } from "../support/auto-mode";
import { karpenterEnvironment } from "../support/environments";
import { projectEnvironments, synthesize, TEST_TODAY } from "../support/synth";
import { requireTerraform, terraform, type TerraformResult, writeCliConfig } from "./harness";
import { awsOnly, buildWorkspace, plannedChanges, plannedCreates, type Workspace } from "./workspace";

// Rungs 3 and 4 of the verification ladder: the real AWS provider 5.100.0 validates every stack,
// then `terraform test` plans and applies them against a mocked provider, feeding each stack
// fake outputs named exactly as its upstream stack declares them, and plans once more against the
// applied state to prove a second deploy changes nothing.

/**
 * Resources a stack of this environment must plan to create: its AWS resources (Kubernetes and Helm
 * are filtered), counted from the settings that decide them, so a new environment needs no edit here.
 */
function expectedCreates(env: Environment, component: Component): number {
  const zones = env.availabilityZones.length;
  switch (component) {
    case "network": {
      const nats = env.natStrategy === "single" ? 1 : zones;
      // vpc, igw, public route table and route, the 3 adopted defaults (SG, NACL, route table);
      // per zone 2 subnets and 2 associations; per NAT gateway its EIP, private route table and route;
      // the logs KMS key and alias; with flow logs on, the flow log, its log group, role and role policy
      // with prefix delegation, a prefix reservation per private subnet
      return 7 + 4 * zones + 4 * nats + 2 + (env.flowLogs.enabled ? 4 : 0) + (env.compute.prefixDelegation ? zones : 0);
    }
    case "cluster":
      // cluster, its role and 2 policy attachments, KMS key and alias, control-plane and pod log groups,
      // OIDC provider, Fargate logging policy; per cluster admin (deploy role, listed admins, or the first
      // deployer) an access entry and its association; per profile a pod execution role, 2 attachments, the profile
      // with Auto Mode, the cluster role's 4 Auto Mode policies, and with built-in pools the node role and its 2 attachments
      return (
        10 +
        2 *
          clusterAdmins(env.account?.roleArn, env.cluster.adminPrincipalArns, env.cluster.keepFirstDeployerAccess)
            .length +
        4 * env.cluster.fargateProfiles.length +
        (env.compute.autoMode.enabled ? 4 + (env.compute.autoMode.nodePools.length > 0 ? 3 : 0) : 0)
      );
    case "addons":
      // one per managed add-on, vpc-cni's IRSA role and its attachment of AmazonEKS_CNI_Policy, the Fluent
      // Bit process log group when those logs are shipped; with Karpenter, its AWS parts
      return (
        ADDON_NAMES.length +
        2 +
        (env.addons.fluentBitProcessLogs ? 1 : 0) +
        (env.compute.karpenter.enabled ? KARPENTER_AWS_RESOURCES : 0)
      );
    case "compute": {
      // with node groups, the node role and its 2 policy attachments; per node group, itself and its launch template
      const groups = env.compute.nodeGroups.length;
      return groups > 0 ? 3 + 2 * groups : 0;
    }
    case "lb-controller":
      // the controller's IAM role, its policy (the official one) and the attachment; the Helm release is filtered
      return 3;
    case "workloads":
      // only Kubernetes resources (the samples), all filtered; the stack has no AWS provider. With the
      // samples off it is empty and must still validate and plan.
      return 0;
  }
}

/**
 * Karpenter's AWS resources in the add-ons stack: the controller's IRSA role, policy and attachment;
 * the node role, its 2 policy attachments and access entry; the queue and its policy; per interruption
 * event a rule and its target.
 */
const KARPENTER_AWS_RESOURCES = 3 + 4 + 2 + 2 * INTERRUPTION_EVENTS.length;

// The project's environments, every stack; and the default one with EKS Auto Mode on, and with
// Karpenter on (each with its own names), the stacks whose AWS resources those settings change:
// planned together, one workspace, one provider schema load.
const VARIANTS = [...loadEnvironments([autoModeVariant()], TEST_TODAY).environments, karpenterEnvironment()];
const VARIANT_COMPONENTS: readonly Component[] = ["cluster", "addons", "compute"];
const ENVIRONMENTS_CHECKED = [...projectEnvironments(), ...VARIANTS];

const EXPECTED_CREATES: Record<string, number> = Object.fromEntries([
  ...projectEnvironments().flatMap((env) => COMPONENTS.map((c) => [stackId(env.name, c), expectedCreates(env, c)])),
  ...VARIANTS.flatMap((env) => VARIANT_COMPONENTS.map((c) => [stackId(env.name, c), expectedCreates(env, c)])),
]);

describe("offline Terraform checks", () => {
  const synth = synthesize(ENVIRONMENTS_CHECKED);
  let workspace: Workspace;
  let cliConfig: string;
  let validate: TerraformResult;
  let test: TerraformResult;

  beforeAll(() => {
    requireTerraform();
    workspace = buildWorkspace(synth, Object.keys(EXPECTED_CREATES));
    cliConfig = writeCliConfig(mkdtempSync(join(tmpdir(), "tf-cli-")));
    const init = terraform(workspace.dir, cliConfig, ["init", "-input=false", "-backend=false"]);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    validate = terraform(workspace.dir, cliConfig, ["validate", "-json"]);
    test = terraform(workspace.dir, cliConfig, ["test", "-verbose"]);
  }, 600_000);

  // The variants' other stacks have the same AWS resources as the default environment's but for their
  // names (network, lb-controller: the Helm controller stays beside Auto Mode) or none (workloads).
  it("covers every stack of the project's environments", () => {
    const projectStacks = projectEnvironments().flatMap((env) => COMPONENTS.map((c) => stackId(env.name, c)));
    for (const id of projectStacks) expect(synth.stackIds).toContain(id);
    expect(Object.keys(EXPECTED_CREATES)).toEqual(expect.arrayContaining(projectStacks));
  });

  it("terraform validate accepts every stack with the real AWS provider, without warnings", () => {
    const result = JSON.parse(validate.output.slice(validate.output.indexOf("{")));
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("terraform test plans, mock-applies and plans again every stack", () => {
    expect(test.output).toMatch(/Success! 4 passed, 0 failed/);
    expect(test.status, test.output.slice(-4000)).toBe(0);
  });

  // With a mocked provider, values computed at apply stay fixed in state, so a change here is a real
  // non-idempotency of the configuration (a timestamp, a value that differs between plans, ...).
  it.each(Object.keys(EXPECTED_CREATES))("%s: a plan after the mocked apply changes nothing", (stackId) => {
    expect(test.output).toMatch(/^\s*run "replan"\.\.\. pass$/m);
    expect(plannedChanges(test.output, "replan")[workspace.moduleOf[stackId]] ?? []).toEqual([]);
  });

  // Cluster access is fixed by the environment: another identity's plan (a teammate, the PR-plan role)
  // changes no access entry, in particular not dev's first-deployer entry.
  it.each(Object.keys(EXPECTED_CREATES))("%s: a plan by another identity changes nothing", (stackId) => {
    expect(test.output).toMatch(/^\s*run "replan_as_teammate"\.\.\. pass$/m);
    expect(plannedChanges(test.output, "replan_as_teammate")[workspace.moduleOf[stackId]] ?? []).toEqual([]);
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
