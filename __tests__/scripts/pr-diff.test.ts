import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderCostSection } from "../../scripts/cost-comment";
import { environmentStacks, readRuns } from "../../scripts/pr-diff";
import { COMPONENTS, stackId } from "../../stacks/contract";
import { synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const manifestFile = join(synth.outdir, "manifest.json");
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));

/** A copy of the manifest without one stack, as an environment that did not synthesize it would have. */
function manifestWithout(stack: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.json");
  const { [stack]: _left, ...stacks } = manifest.stacks;
  writeFileSync(file, JSON.stringify({ ...manifest, stacks }));
  return file;
}

const prDiff = (...args: string[]) =>
  spawnSync("npm", ["run", "--silent", "pr-diff", "--", ...args], {
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: synth.outdir, PR_HEAD_SHA: "0123abc" },
  });

describe("pr-diff stacks", () => {
  it("lists an environment's synthesized stacks so each comes after the stacks it depends on", () => {
    for (const env of ["dev", "prod"]) {
      const ids = environmentStacks(manifestFile, env);
      expect(ids.sort()).toEqual(synth.stackIds.filter((id) => id.startsWith(`${env}-`)).sort());
    }
    const ids = environmentStacks(manifestFile, "dev");
    expect(ids).toEqual(COMPONENTS.map((c) => stackId("dev", c)));
    ids.forEach((id, i) => {
      for (const dependency of manifest.stacks[id].dependencies) expect(ids.slice(0, i), id).toContain(dependency);
    });
  });

  it("lists every stack of every environment, samples on or off", () => {
    expect(environmentStacks(manifestFile, "prod")).toContain("prod-workloads");
  });

  it("skips stacks a manifest does not hold", () => {
    expect(environmentStacks(manifestWithout("prod-workloads"), "prod")).not.toContain("prod-workloads");
  });

  it("prints them one per line for the workflow's loop, and fails on an unknown environment", () => {
    const listed = prDiff("stacks", "dev");
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toBe(COMPONENTS.map((c) => `${stackId("dev", c)}\n`).join(""));
    const unknown = prDiff("stacks", "no-such-env");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No stacks of environment "no-such-env" in .*manifest\.json: dev-addons, /);
  });
});

describe("pr-diff comment", () => {
  const fixtures = join(__dirname, "fixtures");

  function plansDir(extra: Record<string, [string, number]> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), "pr-diff-"));
    copyFileSync(join(fixtures, "cdktf-diff-dev-network.log"), join(dir, "dev-network.log"));
    writeFileSync(join(dir, "dev-network.exit"), "0\n");
    copyFileSync(join(fixtures, "cdktf-diff-dev-cluster-no-upstream-state.log"), join(dir, "dev-cluster.log"));
    writeFileSync(join(dir, "dev-cluster.exit"), "1\n");
    for (const [stack, [log, exit]] of Object.entries(extra)) {
      writeFileSync(join(dir, `${stack}.log`), log);
      writeFileSync(join(dir, `${stack}.exit`), `${exit}\n`);
    }
    return dir;
  }

  it("reads each of the environment's logs and exit statuses, in dependency order", () => {
    const runs = readRuns(manifestFile, "dev", plansDir());
    expect(runs.map((r) => r.stack)).toEqual(COMPONENTS.map((c) => stackId("dev", c)));
    expect(runs[0]).toMatchObject({ exitCode: 0 });
    expect(runs[1]).toMatchObject({ exitCode: 1 });
    expect(runs[2]).toEqual({
      stack: "dev-addons",
      log: "Error: the workflow did not run cdktf diff dev-addons",
      exitCode: 1,
    });
  });

  it("marks the stacks a manifest does not hold", () => {
    const runs = readRuns(manifestWithout("prod-workloads"), "prod", plansDir());
    expect(runs.at(-1)).toEqual({ stack: "prod-workloads", notSynthesized: true });
  });

  it("writes the comment and succeeds when no stack failed (an undeployed upstream is no failure)", () => {
    const noChanges = (stack: string): [string, number] => [
      `${stack}  No changes. Your infrastructure matches the configuration.`,
      0,
    ];
    const dir = plansDir({
      "dev-addons": noChanges("dev-addons"),
      "dev-compute": noChanges("dev-compute"),
      "dev-lb-controller": noChanges("dev-lb-controller"),
      "dev-workloads": noChanges("dev-workloads"),
    });
    const result = prDiff("comment", "dev", dir);
    expect(result.status, result.stderr).toBe(0);
    const comment = readFileSync(join(dir, "comment.md"), "utf8");
    expect(comment.split("\n")[0]).toBe("<!-- cdktf-pr-diff environment=dev -->");
    expect(comment).toContain("Commit 0123abc");
    expect(comment).toContain("| `dev-network` | 📝 Plan: 23 to add, 0 to change, 0 to destroy. |");
    expect(comment).toContain("| `dev-cluster` | ⏳");
    expect(comment).toContain("| `dev-workloads` | ✅ No changes. |");
  });

  it("writes the comment, names the stacks that failed and exits 1 when one failed to plan", () => {
    const dir = plansDir({ "dev-addons": ["dev-addons  Error: Invalid reference", 1] });
    const result = prDiff("comment", "dev", dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("dev-addons failed to plan: Invalid reference");
    expect(result.stderr).toContain("dev-lb-controller failed to plan: the workflow did not run");
    expect(result.stderr).not.toContain("dev-cluster failed");
    expect(existsSync(join(dir, "comment.md"))).toBe(true);
  });

  it("ends the comment with the cost section when the workflow saved the estimates", () => {
    const dir = mkdtempSync(join(tmpdir(), "pr-diff-cost-"));
    const head = { dev: { monthlyUsd: 375.66, items: [] }, prod: { monthlyUsd: 272.65, items: [] } };
    const base = { dev: { monthlyUsd: 282.22, items: [] }, prod: { monthlyUsd: 272.65, items: [] } };
    writeFileSync(join(dir, "cost-head.json"), JSON.stringify(head));
    writeFileSync(join(dir, "cost-base.json"), JSON.stringify(base));
    prDiff("comment", "dev", dir);
    const comment = readFileSync(join(dir, "comment.md"), "utf8");
    expect(comment.split("\n")[0]).toBe("<!-- cdktf-pr-diff environment=dev -->");
    expect(comment.endsWith(renderCostSection(base, head))).toBe(true);
    expect(comment).toContain("| `dev` | $282.22 | $375.66 | +$93.44 |");
  });
});
