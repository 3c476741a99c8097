import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENTS } from "../../stacks/contract";
import { projectEnvironments, synthesize, synthesizedProject } from "../support/synth";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function snapshot(outdir: string): Record<string, string> {
  const root = join(outdir, "stacks");
  return Object.fromEntries(files(root).map((f) => [relative(root, f), readFileSync(f, "utf8")]));
}

describe("synthesis", () => {
  const first = synthesizedProject();

  it("names every stack <env>-<component>", () => {
    for (const id of first.stackIds) {
      expect(projectEnvironments().some((env) => COMPONENTS.some((c) => id === `${env.name}-${c}`))).toBe(true);
    }
    expect(first.stackIds.filter((id) => id.startsWith("dev-"))[0]).toBe("dev-network");
  });

  it("is byte-identical from run to run", () => {
    const second = synthesize();
    expect(snapshot(second.outdir)).toEqual(snapshot(first.outdir));
  });

  it("writes no absolute path of the project or the output directory", () => {
    const project = process.cwd();
    for (const [file, text] of Object.entries(snapshot(first.outdir))) {
      expect(text.includes(project), file).toBe(false);
      expect(text.includes(first.outdir), file).toBe(false);
    }
  });

  it("gives every resource and data source a readable address, never a construct-path hash", () => {
    for (const id of first.stackIds) {
      const stack = first.stack(id);
      for (const block of ["resource", "data"]) {
        for (const [type, byName] of Object.entries(stack[block] ?? {})) {
          for (const name of Object.keys(byName as object)) {
            expect(name, `${id}: ${type}.${name}`).not.toMatch(/_[0-9A-F]{8}$/);
          }
        }
      }
    }
  });
});
