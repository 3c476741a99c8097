import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthesizedProject } from "../support/synth";
import { holdsAwsProvider } from "./harness";
import { awsOnly, buildWorkspace, plannedChanges, plannedCreates } from "./workspace";

// The offline harness's own parts: what it writes and how it reads Terraform's verbose test output.

// Abridged `terraform test -verbose` output of this harness, with a tag set to timestamp() on the VPC:
// the replan after the mocked apply shows the change a second deploy would make.
const VERBOSE = `offline.tftest.hcl... in progress
  run "plan"... pass

Terraform will perform the following actions:

  # module.dev_network.aws_vpc.vpc will be created
  + resource "aws_vpc" "vpc" {
    }

  # module.dev_network.data.aws_iam_policy_document.x will be read during apply

  # module.prod_network.aws_vpc.vpc will be created
  + resource "aws_vpc" "vpc" {
    }

Plan: 2 to add, 0 to change, 0 to destroy.

  run "apply"... pass

# module.dev_network.aws_vpc.vpc:
resource "aws_vpc" "vpc" {
}

  run "replan"... pass

Terraform will perform the following actions:

  # module.dev_network.aws_vpc.vpc will be updated in-place
  ~ resource "aws_vpc" "vpc" {
      ~ tags                                 = {
          ~ "Stamp" = "2026-11-22T03:22:59Z" -> (known after apply)
        }
    }

  # module.prod_network.aws_eip.nat_a must be replaced
-/+ resource "aws_eip" "nat_a" {
    }

Plan: 1 to add, 1 to change, 1 to destroy.

offline.tftest.hcl... tearing down
offline.tftest.hcl... pass

Success! 3 passed, 0 failed.
`;

describe("reading terraform test output", () => {
  it("counts the resources one run creates, per module, without data sources", () => {
    expect(plannedCreates(VERBOSE)).toEqual({ dev_network: 1, prod_network: 1 });
    expect(plannedCreates(VERBOSE, "replan")).toEqual({});
  });

  it("lists every change a run plans, per module, so a non-idempotent replan names its resources", () => {
    expect(plannedChanges(VERBOSE, "replan")).toEqual({
      dev_network: ["aws_vpc.vpc will be updated in-place"],
      prod_network: ["aws_eip.nat_a must be replaced"],
    });
    expect(
      plannedChanges(VERBOSE.replace(/run "replan"[\s\S]*$/, 'run "replan"... pass\n\nNo changes.'), "replan"),
    ).toEqual({});
  });
});

describe("the offline workspace", () => {
  const synth = synthesizedProject();

  it("plans, mock-applies, then plans again against the applied state, as itself and as a teammate", () => {
    const { dir } = buildWorkspace(synth, ["dev-network", "dev-cluster"]);
    const runs = [
      ...readFileSync(join(dir, "offline.tftest.hcl"), "utf8").matchAll(/run "(\w+)" \{\n\s+command = (\w+)/g),
    ];
    expect(runs.map((m) => [m[1], m[2]])).toEqual([
      ["plan", "plan"],
      ["apply", "apply"],
      ["replan", "plan"],
      ["replan_as_teammate", "plan"],
    ]);
    // Only the cluster stack reads who is planning.
    expect(readFileSync(join(dir, "offline.tftest.hcl"), "utf8")).toContain(
      "override_data {\n    target = module.dev_cluster.data.aws_iam_session_context.current\n" +
        '    values = {"issuer_arn":"arn:aws:iam::123456789012:role/teammate"',
    );
  });

  it("drops an output block that only Kubernetes values filled", () => {
    const stack = { output: { url: { value: "${kubernetes_ingress_v1.game.status}" } }, resource: {} };
    expect(awsOnly(stack)).not.toHaveProperty("output");
  });
});

describe("provider mirror layouts", () => {
  const mirror = () => mkdtempSync(join(tmpdir(), "mirror-"));
  const awsDir = (root: string) => join(root, "registry.terraform.io", "hashicorp", "aws");

  it("accepts an unpacked mirror (version/platform directories)", () => {
    const root = mirror();
    mkdirSync(join(awsDir(root), "5.100.0", "linux_amd64"), { recursive: true });
    expect(holdsAwsProvider(root)).toBe(true);
  });

  it("accepts a packed mirror, as `terraform providers mirror` writes it", () => {
    const root = mirror();
    mkdirSync(awsDir(root), { recursive: true });
    writeFileSync(join(awsDir(root), "terraform-provider-aws_5.100.0_linux_amd64.zip"), "");
    expect(holdsAwsProvider(root)).toBe(true);
  });

  it("rejects a mirror without hashicorp/aws 5.100.0", () => {
    const root = mirror();
    mkdirSync(awsDir(root), { recursive: true });
    writeFileSync(join(awsDir(root), "terraform-provider-aws_5.99.0_linux_amd64.zip"), "");
    expect(holdsAwsProvider(root)).toBe(false);
    expect(holdsAwsProvider(mirror())).toBe(false);
  });
});
