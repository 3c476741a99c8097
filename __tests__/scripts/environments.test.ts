import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { environmentNames } from "../../scripts/environments";
import { projectEnvironments, synthesizedProject } from "../support/synth";

// The workflows' job matrices come from here (npm run environments), never from a list in a workflow.

const environments = projectEnvironments();
const environments_ = (...args: string[]) =>
  spawnSync("npm", ["run", "--silent", "environments", "--", ...args], { encoding: "utf8" });

describe("npm run environments", () => {
  it("lists every environment of ENVIRONMENTS as JSON, in their order", () => {
    const result = environments_();
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(environments.map((e) => e.name));
  });

  it("with --remote-state, lists exactly the environments whose stacks keep their state in S3", () => {
    const synth = synthesizedProject();
    const remote = JSON.parse(environments_("--remote-state").stdout) as string[];
    expect(remote.length).toBeGreaterThan(0);
    for (const env of environments) {
      const backend = Object.keys(synth.stack(`${env.name}-network`).terraform.backend)[0];
      expect(remote.includes(env.name), `${env.name} (${backend})`).toBe(backend === "s3");
    }
  });

  it("names one environment on request, and refuses one that does not exist or keeps its state locally", () => {
    const s3 = environments.filter((e) => e.backend.type === "s3");
    const local = environments.filter((e) => e.backend.type === "local");
    expect(environmentNames([...local, ...s3], true, s3[0].name)).toEqual([s3[0].name]);
    expect(() => environmentNames(environments, true, local[0].name)).toThrow(
      `Environment "${local[0].name}" keeps its state on the machine that deploys it (backend "local"), so a ` +
        `workflow cannot deploy it or check it for drift; deploy it with \`npx cdktf deploy '${local[0].name}-*'\`, ` +
        "or give it an S3 backend.",
    );
    // A name no environment can take: names are lowercase letters, digits and "-" (environments/schema.ts).
    const result = environments_("--remote-state", "No_Such_Environment");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `No environment "No_Such_Environment": the environments are ${environments.map((e) => e.name).join(", ")}.`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
