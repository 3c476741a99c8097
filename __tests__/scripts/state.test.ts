import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNotDeployed, notDeployedMessage, stackDirectory } from "../../scripts/state";
import { projectEnvironment, synthesize } from "../support/synth";
import { requireTerraform, writeCliConfig } from "../terraform/harness";

// `npm run state -- <stack>` against a synthesized dev-network whose local state holds one resource
// and one output, as a deploy would leave them. Terraform installs the AWS provider from the mirror.

const STATE = {
  version: 4,
  terraform_version: "1.11.4",
  serial: 1,
  lineage: "00000000-0000-0000-0000-000000000000",
  outputs: { vpc_id: { value: "vpc-0123456789abcdef0", type: "string" } },
  resources: [
    {
      mode: "managed",
      type: "aws_vpc",
      name: "vpc",
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 1, attributes: { id: "vpc-0123456789abcdef0" } }],
    },
  ],
  check_results: null,
};

describe("npm run state", () => {
  const project = mkdtempSync(join(tmpdir(), "state-script-"));
  const outdir = join(project, "cdktf.out");
  let cliConfig: string;

  beforeAll(() => {
    requireTerraform();
    cliConfig = writeCliConfig(project);
    synthesize([projectEnvironment("dev")], outdir);
    // dev's local backend path is relative to the project that holds cdktf.out.
    mkdirSync(join(project, "state", "dev"), { recursive: true });
    writeFileSync(join(project, "state", "dev", "network.tfstate"), JSON.stringify(STATE));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync("npm", ["run", "--silent", "state", "--", ...args], {
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1" },
    });

  it("initializes the stack's directory, then lists its state addresses and outputs", () => {
    const result = run("dev-network");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("Initializing");
    expect(result.stdout).toMatch(/state addresses \(terraform state list\)\naws_vpc\.vpc\n/);
    expect(result.stdout).toMatch(/outputs \(terraform output\)\nvpc_id = "vpc-0123456789abcdef0"/);
    // eslint-disable-next-line no-control-regex
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\u001b\[/);
  });

  it("says when a stack is not deployed yet and how to deploy it, without colour codes in a pipe", () => {
    const result = run("dev-cluster");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${notDeployedMessage("dev-cluster")}\n`);
    expect(result.stdout).not.toContain("No state file was found");
    // eslint-disable-next-line no-control-regex
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\u001b\[/);
  });

  it("reads an empty state (S3, nothing deployed) and a missing local state file as not deployed", () => {
    expect(isNotDeployed({ status: 0, stdout: "\n", stderr: "" })).toBe(true);
    expect(isNotDeployed({ status: 1, stdout: "", stderr: "No state file was found!\n\nState management..." })).toBe(
      true,
    );
    expect(isNotDeployed({ status: 0, stdout: "aws_vpc.vpc\n", stderr: "" })).toBe(false);
    expect(isNotDeployed({ status: 1, stdout: "", stderr: "Error: Failed to load state: AccessDenied" })).toBe(false);
    expect(notDeployedMessage("prod-lb-controller")).toBe(
      "prod-lb-controller is not deployed yet: its state holds no resources and no outputs.\n" +
        "Deploy its environment, every stack in dependency order:  npx cdktf deploy 'prod-*'\n" +
        "or only this stack, once the stacks before it are deployed:  " +
        "npx cdktf deploy prod-lb-controller --ignore-missing-stack-dependencies",
    );
  });

  it("names the synthesized stacks when asked for one that does not exist", () => {
    expect(() => stackDirectory(outdir, "dev-netwrk")).toThrow(
      /No stack "dev-netwrk" in .*manifest\.json\. Stacks: dev-addons, dev-cluster, .*dev-workloads$/,
    );
    const result = run("dev-netwrk");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('No stack "dev-netwrk"');
  });

  it("asks for synthesis first when there is no cdktf output", () => {
    expect(() => stackDirectory(join(project, "nowhere"), "dev-network")).toThrow(/run `npm run synth` first/);
  });

  it("prints its usage without a stack", () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("usage: npm run state -- <stack>");
  });
});
