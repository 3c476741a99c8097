import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPONENTS, outputNames } from "../../stacks/contract";
import { projectEnvironments, snapshot, synthesize, synthesizedProject } from "../support/synth";

describe("synthesis", () => {
  const first = synthesizedProject();

  it("names every stack <env>-<component>, all six in every environment, samples and nodes on or off", () => {
    const environments = projectEnvironments();
    expect(environments.some((e) => !e.workloads.enabled)).toBe(true);
    const expected = environments.flatMap((env) => COMPONENTS.map((c) => `${env.name}-${c}`));
    expect([...first.stackIds].sort()).toEqual(expected.sort());
  });

  it("chains the stacks network → cluster → addons → compute → lb-controller → workloads in cdktf's manifest", () => {
    const manifest = JSON.parse(readFileSync(join(first.outdir, "manifest.json"), "utf8"));
    const deps = (id: string): string[] => manifest.stacks[id].dependencies;
    expect(deps("dev-network")).toEqual([]);
    expect(deps("dev-cluster")).toEqual(["dev-network"]);
    // The add-ons stack reads the network stack's logs key for the Fluent Bit process log group.
    expect(deps("dev-addons")).toEqual(["dev-network", "dev-cluster"]);
    // Without nodes the compute stack reads nothing, but keeps its place in the chain.
    expect(deps("dev-compute")).toEqual(["dev-addons"]);
    expect(deps("dev-lb-controller")).toEqual(["dev-network", "dev-cluster", "dev-compute"]);
    expect(deps("dev-workloads")).toEqual(["dev-cluster", "dev-lb-controller"]);
    // With node groups it reads the private subnets and the cluster's name.
    expect(deps("prod-compute")).toEqual(["prod-network", "prod-cluster", "prod-addons"]);
    expect(deps("prod-lb-controller")).toEqual(["prod-network", "prod-cluster", "prod-compute"]);
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

  it("passes values between stacks only through the contract's named outputs, never cdktf's generated ones", () => {
    for (const id of first.stackIds) {
      const component = COMPONENTS.find((c) => id.endsWith(`-${c}`))!;
      const stack = first.stack(id);
      expect(Object.keys(stack.output ?? {}).sort(), id).toEqual(outputNames(component).sort());
      // cdktf names remote-state reads of its own cross-stack references after construct paths.
      for (const name of Object.keys(stack.data?.terraform_remote_state ?? {})) {
        expect(
          COMPONENTS.map((c) => c.replace(/-/g, "_")),
          `${id} reads ${name}`,
        ).toContain(name);
      }
    }
  });

  it("gives every log group of every stack a retention and the customer-managed logs key", () => {
    const groups = first.stackIds.flatMap((id) =>
      Object.entries(first.stack(id).resource?.aws_cloudwatch_log_group ?? {}).map(([name, group]) => ({
        address: `${id}: ${name}`,
        group: group as Record<string, unknown>,
      })),
    );
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const { address, group } of groups) {
      expect(group.retention_in_days, address).toBeGreaterThan(0);
      expect(group.kms_key_id, address).toMatch(/logs_kms_key_arn|aws_kms_key\.logs\.arn/);
    }
  });
});
