import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnvironments } from "../../environments/load";
import type { Environment } from "../../environments/schema";
import { clusterAdmins } from "../../modules/cluster/admins";
import { stackId } from "../../stacks/contract";
import { projectEnvironments, synthesize, TEST_TODAY } from "../support/synth";
import { MOCK_DATA_DEFAULTS } from "./fakes";
import { requireTerraform, terraform, type TerraformResult, writeCliConfig } from "./harness";
import { buildChangeWorkspace, plannedRootChanges } from "./workspace";

// Adding a cluster admin, as Terraform plans it: each environment's cluster stack as synthesized before
// is mock-applied, then the stack synthesized with one more admin is planned against that state. The
// plan must only create the new admin's entry and association: no access entry is deleted, replaced or
// changed, so the identity running the deploy keeps cluster-admin for the later stacks.

const before = projectEnvironments();
const adminOf = (env: Environment) => `arn:aws:iam::${env.account?.id ?? "123456789012"}:role/added-platform-admin`;
// The environments as written, with one admin more; loaded as main.ts would.
const after = loadEnvironments(
  before.map((env) => ({
    ...env,
    cluster: { ...env.cluster, adminPrincipalArns: [...env.cluster.adminPrincipalArns, adminOf(env)] },
  })),
  TEST_TODAY,
).environments;
const stacks = before.map((env) => stackId(env.name, "cluster"));
const run = (id: string) => `change_${id.replace(/-/g, "_")}`;

// Entries (each with its association) the change adds, from the settings.
function addedEntries(old: Environment, changed: Environment): string[] {
  const names = (env: Environment) =>
    clusterAdmins(env.account?.roleArn, env.cluster.adminPrincipalArns, env.cluster.keepFirstDeployerAccess).map(
      (a) => a.terraformName,
    );
  return names(changed).filter((name) => !names(old).includes(name));
}

describe("adding a cluster admin, planned by Terraform against the deployed stack", () => {
  let dir: string;
  let test: TerraformResult;

  beforeAll(() => {
    requireTerraform();
    dir = buildChangeWorkspace(synthesize(before), synthesize(after), stacks);
    const cliConfig = writeCliConfig(dir);
    const init = terraform(dir, cliConfig, ["init", "-input=false", "-backend=false"]);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    test = terraform(dir, cliConfig, ["test", "-verbose"]);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("mock-applies every stack as it was and plans the change against it", () => {
    expect(test.status, test.output.slice(-4000)).toBe(0);
    expect(test.output).toMatch(new RegExp(`Success! ${2 * stacks.length} passed, 0 failed`));
  });

  it.each(before.map((env, i) => [stacks[i], env, after[i]] as const))(
    "%s: the plan only creates the new admin's access entry and association",
    (id, old, changed) => {
      const added = addedEntries(old, changed);
      expect(added).toHaveLength(1);
      expect(plannedRootChanges(test.output, run(id)).sort()).toEqual(
        added
          .flatMap((name) => [
            `aws_eks_access_entry.${name} will be created`,
            `aws_eks_access_policy_association.${name}_cluster_admin will be created`,
          ])
          .sort(),
      );
    },
  );
});

// Listing the identity that first deployed the cluster as an admin too would make a second access entry for
// one principal, which EKS refuses at apply: the plan stops first, naming it.
describe("listing the first deployer as an admin too, planned by Terraform", () => {
  // An environment whose first deployer keeps its entry (no deploy role), or the first one made so.
  const env = before.find((e) => !e.account?.roleArn) ?? { ...before[0], account: undefined };
  const deployer = MOCK_DATA_DEFAULTS.aws_iam_session_context.issuer_arn as string;
  const listed = loadEnvironments(
    [{ ...env, cluster: { ...env.cluster, adminPrincipalArns: [...env.cluster.adminPrincipalArns, deployer] } }],
    TEST_TODAY,
  ).environments;
  const id = stackId(env.name, "cluster");
  let dir: string;
  let test: TerraformResult;

  beforeAll(() => {
    requireTerraform();
    dir = buildChangeWorkspace(synthesize([env]), synthesize(listed), [id]);
    const cliConfig = writeCliConfig(dir);
    const init = terraform(dir, cliConfig, ["init", "-input=false", "-backend=false"]);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    test = terraform(dir, cliConfig, ["test"]);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fails the plan before any change, saying the principal already has cluster-admin", () => {
    expect(test.output).toContain(`run "${run(id)}"... fail`);
    expect(test.output.replace(/\s+/g, " ")).toContain(
      `${deployer} already has cluster-admin as the identity that first deployed the cluster (access entry ` +
        '"deployer"), and EKS allows one access entry per principal: remove it from cluster.adminPrincipalArns',
    );
    expect(test.output).toMatch(/Failure! 1 passed, 1 failed\./);
  });
});
