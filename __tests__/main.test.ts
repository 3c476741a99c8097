import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../environments";
import { snapshot, synthesizedProject } from "./support/synth";

// The app as cdktf runs it (cdktf.json: node scripts/app.cjs), end to end.

const PROJECT = resolve(__dirname, "..");

function run(script: string, outdir: string) {
  return spawnSync(process.execPath, [script], {
    cwd: PROJECT,
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: outdir },
  });
}

describe("the cdktf app", () => {
  it("synthesizes, through its esbuild bundle, exactly what the tests synthesize", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "app-")), "cdktf.out");
    const result = run("scripts/app.cjs", outdir);
    expect(result.status, result.stderr).toBe(0);
    expect(snapshot(outdir)).toEqual(snapshot(synthesizedProject().outdir));
    // The synthesis summary gives each environment's monthly total.
    for (const env of ENVIRONMENTS as { name: string }[]) {
      expect(result.stdout).toMatch(
        new RegExp(`^Monthly cost of "${env.name}": \\$[\\d,]+\\.\\d\\d at on-demand list prices in `, "m"),
      );
    }
  });

  it.each([
    {
      what: "a bad field",
      patch: `{ vpcCidr: "10.10.0.0/33" }`,
      message:
        'Invalid environment "dev":\n' +
        '  - vpcCidr: "10.10.0.0/33" is not an IPv4 CIDR block; write it as address/prefix, e.g. "10.10.0.0/16"\n',
    },
    {
      what: "a workload the Fargate guard refuses",
      patch: `{ workloads: { ...dev.workloads, gameNamespace: "games" } }`,
      message: expect.stringMatching(
        /^Invalid environment "dev":\n {2}- Deployment games\/deployment-2048 \[fargate-profile\]: no Fargate profile selects namespace "games"/,
      ),
    },
  ])("stops on $what with the message alone, exit code 1, and nothing written", async ({ patch, message }) => {
    const dir = mkdtempSync(join(tmpdir(), "bad-app-"));
    const environments = join(dir, "environments.ts");
    writeFileSync(
      environments,
      `import { dev } from ${JSON.stringify(join(PROJECT, "environments", "dev"))};\n` +
        `export const ENVIRONMENTS = [{ ...dev, ...${patch} }];\n`,
    );
    const bundle = join(dir, "main.cjs");
    await build({
      entryPoints: [join(PROJECT, "main.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: bundle,
      logLevel: "silent",
      plugins: [
        {
          name: "bad-environments",
          setup: (b) => b.onResolve({ filter: /^\.\/environments$/ }, () => ({ path: environments })),
        },
      ],
    });
    const outdir = join(dir, "cdktf.out");
    const result = run(bundle, outdir);
    expect(result.status).toBe(1);
    expect(result.stderr).toEqual(message);
    expect(existsSync(outdir)).toBe(false);
  });
});
