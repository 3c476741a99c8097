import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { providerMirror, requireTerraform } from "./harness";

// The offline checks fail, with what to install, when Terraform or the provider mirror is missing.
describe("offline check prerequisites", () => {
  const saved = { PATH: process.env.PATH, TF_PROVIDER_MIRROR: process.env.TF_PROVIDER_MIRROR };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("fails when TF_PROVIDER_MIRROR is not set, saying how to set it", () => {
    delete process.env.TF_PROVIDER_MIRROR;
    expect(() => providerMirror()).toThrow(
      "TF_PROVIDER_MIRROR is not set. Point it at a Terraform filesystem mirror holding " +
        "registry.terraform.io/hashicorp/aws/5.100.0 (run `export TF_PROVIDER_MIRROR=$(bash scripts/provider-mirror.sh)`",
    );
  });

  it("fails when the mirror lacks the AWS provider, naming the mirror", () => {
    const empty = mkdtempSync(join(tmpdir(), "mirror-"));
    process.env.TF_PROVIDER_MIRROR = empty;
    expect(() => providerMirror()).toThrow(
      `TF_PROVIDER_MIRROR=${empty} does not hold registry.terraform.io/hashicorp/aws/5.100.0; install that provider`,
    );
  });

  it("fails when terraform is not on PATH, saying what to install", () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), "no-terraform-"));
    expect(() => requireTerraform()).toThrow(
      "terraform is not on PATH: install Terraform 1.10 or later (tested with 1.11.4).",
    );
  });
});
