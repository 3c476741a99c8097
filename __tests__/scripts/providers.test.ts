import { spawnSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectEnvironment, synthesize } from "../support/synth";
import { requireTerraform, writeCliConfig } from "../terraform/harness";

// `npm run providers -- <env>`, as the workflows run it, with a provider cache and the AWS provider from
// the offline mirror. The kubernetes and helm providers cannot be installed here, so dev's manifest is
// cut to its two AWS-only stacks.

describe("npm run providers", () => {
  const dir = mkdtempSync(join(tmpdir(), "providers-"));
  const outdir = join(dir, "cdktf.out");
  const cache = join(dir, "plugin-cache");
  const stacks = ["dev-network", "dev-cluster"];
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    requireTerraform();
    synthesize([projectEnvironment("dev")], outdir);
    const manifestFile = join(outdir, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    manifest.stacks = Object.fromEntries(stacks.map((id) => [id, manifest.stacks[id]]));
    writeFileSync(manifestFile, JSON.stringify(manifest));
    mkdirSync(cache);
    result = spawnSync("npm", ["run", "--silent", "providers", "--", "dev"], {
      encoding: "utf8",
      env: {
        ...process.env,
        CDKTF_OUTDIR: outdir,
        TF_CLI_CONFIG_FILE: writeCliConfig(dir),
        TF_PLUGIN_CACHE_DIR: cache,
        TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: "true",
      },
    });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("installs each stack's providers from one copy in the cache, and leaves a lock file in each", () => {
    expect(result.status, String(result.stderr)).toBe(0);
    const installed = stacks.map((stack) => {
      const stackDir = join(outdir, "stacks", stack);
      expect(readFileSync(join(stackDir, ".terraform.lock.hcl"), "utf8")).toContain(
        'provider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.100.0"',
      );
      const versionDir = join(
        stackDir,
        ".terraform",
        "providers",
        "registry.terraform.io",
        "hashicorp",
        "aws",
        "5.100.0",
      );
      const [platform] = readdirSync(versionDir);
      expect(lstatSync(join(versionDir, platform)).isSymbolicLink(), stack).toBe(true);
      return readlinkSync(join(versionDir, platform));
    });
    expect(installed[0].startsWith(cache), `${installed[0]} in ${cache}`).toBe(true);
    expect(installed[1]).toBe(installed[0]);
  });

  it("prints its usage without an environment", () => {
    const usage = spawnSync("npm", ["run", "--silent", "providers"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run providers -- <env>");
  });
});
