import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthesizedProject } from "../support/synth";
import { requireTerraform, terraform, type TerraformResult, writeCliConfig } from "./harness";
import { buildWorkspace, type Workspace } from "./workspace";

// The upgrade guard, evaluated by Terraform itself: dev's cluster stack (kubernetesVersion "1.35") is
// planned with the mocked AWS provider against deployed clusters of other versions, read through the
// guard's two data sources. Each failing case is its own test file, as a failed run skips the rest of
// its file.

/** A plan with the region's clusters and, when dev-fargate is among them, its version. */
function plan(run: string, clusters: string[], version?: string): string {
  const deployed = version
    ? `  override_data {\n    target = module.dev_cluster.data.aws_eks_cluster.deployed\n` +
      `    values = { version = "${version}" }\n  }\n`
    : "";
  return (
    `run "${run}" {\n  command = plan\n  override_data {\n` +
    `    target = module.dev_cluster.data.aws_eks_clusters.in_region\n` +
    `    values = { names = ${JSON.stringify(clusters)} }\n  }\n${deployed}}\n`
  );
}

/** Terraform's message without its line wrapping. */
const unwrapped = (text: string) => text.replace(/\s+/g, " ");

describe("the upgrade guard in a Terraform plan", () => {
  let workspace: Workspace;
  let test: TerraformResult;

  beforeAll(() => {
    requireTerraform();
    workspace = buildWorkspace(synthesizedProject(), ["dev-cluster"], {
      allowed: [
        plan("first_deploy", ["other-cluster"]),
        plan("same_version", ["dev-fargate"], "1.35"),
        plan("one_minor_up", ["other-cluster", "dev-fargate"], "1.34"),
      ],
      two_minors_up: [plan("two_minors_up", ["dev-fargate"], "1.33")],
      downgrade: [plan("downgrade", ["dev-fargate"], "1.36")],
    });
    const cliConfig = writeCliConfig(workspace.dir);
    const init = terraform(workspace.dir, cliConfig, ["init", "-input=false", "-backend=false"]);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    test = terraform(workspace.dir, cliConfig, ["test"]);
  }, 600_000);
  afterAll(() => rmSync(workspace.dir, { recursive: true, force: true }));

  it("lets a first deploy, the deployed version and the next minor version plan", () => {
    for (const run of ["first_deploy", "same_version", "one_minor_up"]) {
      expect(test.output).toContain(`run "${run}"... pass`);
    }
    expect(test.output).toContain("allowed.tftest.hcl... pass");
  });

  it("fails the plan of a two-minor jump, saying which version to deploy first", () => {
    expect(test.output).toContain('run "two_minors_up"... fail');
    expect(unwrapped(test.output)).toContain(
      "Error: Resource precondition failed " + "on dev-cluster/main.tf.json line ",
    );
    expect(unwrapped(test.output)).toContain(
      'kubernetesVersion "1.35" is more than one minor version above the deployed cluster "dev-fargate", ' +
        'which runs 1.33: EKS upgrades a cluster one minor version at a time. Set kubernetesVersion to "1.34" ' +
        'and deploy, then the next version, until "1.35" (docs/operations.md, "Kubernetes upgrades"). ' +
        "The plan stopped before changing anything.",
    );
  });

  it("fails the plan of a downgrade, which EKS cannot do", () => {
    expect(test.output).toContain('run "downgrade"... fail');
    expect(unwrapped(test.output)).toContain(
      'kubernetesVersion "1.35" is below the version of the deployed cluster "dev-fargate", 1.36, and EKS ' +
        "cannot downgrade a cluster (EKS upgrades a cluster itself when its version's support ends). " +
        'Set kubernetesVersion to "1.36". The plan stopped before changing anything.',
    );
  });

  it("fails nothing else", () => {
    expect(test.output).toMatch(/Failure! 3 passed, 2 failed\./);
    expect(test.output.match(/^Error: /gm)).toHaveLength(2);
  });
});
