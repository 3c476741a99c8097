import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdktfCommandIn, printsSynthesisNotes } from "../../scripts/cdktf-command";
import { tree } from "../support/synth";

// `npm run synth` runs the app without the cdktf CLI; cdktf runs the same app (cdktf.json) for deploy,
// diff and list. Both are run here as a user runs them, into output directories that already hold what
// earlier runs leave: a stack removed since, and a stack's Terraform working files.

const PROJECT = resolve(__dirname, "..", "..");

/** Prepares an output directory as earlier synth and deploy runs would leave it. */
function lived(outdir: string): string {
  mkdirSync(join(outdir, "stacks", "gone-network"), { recursive: true });
  writeFileSync(join(outdir, "stacks", "gone-network", "cdk.tf.json"), "{}");
  mkdirSync(join(outdir, "stacks", "dev-network", ".terraform"), { recursive: true });
  writeFileSync(join(outdir, "stacks", "dev-network", ".terraform", "environment"), "default");
  return outdir;
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd: PROJECT, encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result;
}

/** What a command printed, without the warnings npm prints about the machine's own npm configuration. */
const printed = (text: string) =>
  text
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n");

describe("npm run synth", () => {
  let dir: string;
  let byCdktf: string;
  let byNpm: string;
  let cdktf: ReturnType<typeof run>;
  let npm: ReturnType<typeof run>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "synth-"));
    byCdktf = lived(join(dir, "cdktf"));
    byNpm = lived(join(dir, "npm"));
    cdktf = run("npx", ["cdktf", "synth", "--output", byCdktf], { CHECKPOINT_DISABLE: "1" });
    npm = run("npm", ["run", "--silent", "synth"], { CDKTF_OUTDIR: byNpm });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes byte for byte what `cdktf synth` writes, manifest included", () => {
    const written = tree(byNpm);
    expect(Object.keys(written)).toContain("manifest.json");
    expect(Object.keys(written)).toContain("stacks/prod-cluster/cdk.tf.json");
    expect(written).toEqual(tree(byCdktf));
  });

  it("removes the directories of stacks no longer synthesized and keeps Terraform's working files, as cdktf does", () => {
    for (const outdir of [byCdktf, byNpm]) {
      expect(existsSync(join(outdir, "stacks", "gone-network"))).toBe(false);
      expect(existsSync(join(outdir, "stacks", "dev-network", ".terraform", "environment"))).toBe(true);
    }
  });

  it("prints the warnings, the synthesis summary and the stacks it generated, and nothing else", () => {
    for (const line of printed(npm.stderr).split("\n").filter(Boolean)) expect(line).toMatch(/^Warning: /);
    expect(npm.stdout).toMatch(/^Placement of "dev":\n {2}Deployment /);
    const stacks = Object.keys(JSON.parse(tree(byNpm)["manifest.json"]).stacks).sort();
    expect(stacks).toContain("dev-network");
    expect(npm.stdout.endsWith(`\nGenerated Terraform code for the stacks: ${stacks.join(", ")}\n`)).toBe(true);
    expect(npm.stdout).toContain('\nMonthly cost of "dev": $');
    expect(cdktf.stdout).toContain('Placement of "dev":');
  });

  it("leaves the synthesis summary out of `cdktf list`, which runs the same app", () => {
    const list = run("npx", ["cdktf", "list", "--output", byNpm], { CHECKPOINT_DISABLE: "1" });
    expect(list.stdout).toMatch(/^dev-network\s/m);
    expect(list.stdout).not.toContain("Placement of");
    expect(list.stdout).not.toContain("Monthly cost of");
  });
});

describe("the cdktf command that runs the app", () => {
  it("is read from the CLI's arguments, skipping options and their values", () => {
    expect(cdktfCommandIn(["node", "/p/node_modules/.bin/cdktf", "list"])).toBe("list");
    expect(cdktfCommandIn(["node", "/p/node_modules/cdktf-cli/bundle/bin/cdktf.js", "deploy", "dev-*"])).toBe("deploy");
    expect(cdktfCommandIn(["npm", "exec", "cdktf", "--log-level", "debug", "output", "dev-network"])).toBe("output");
    expect(cdktfCommandIn(["/bin/sh", "-c", "node scripts/app.cjs"])).toBeUndefined();
    expect(cdktfCommandIn(["node", "scripts/synth.cjs"])).toBeUndefined();
  });

  it("decides whether the synthesis notes are printed: by synth and deploy, not by list, output or diff", () => {
    for (const command of [undefined, "synth", "deploy", "apply"]) expect(printsSynthesisNotes(command)).toBe(true);
    for (const command of ["list", "output", "diff", "destroy"]) expect(printsSynthesisNotes(command)).toBe(false);
  });
});
