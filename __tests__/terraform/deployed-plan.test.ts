import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../environments";
import { loadEnvironments } from "../../environments/load";
import { stackId } from "../../stacks/contract";
import { synthesize, TEST_TODAY } from "../support/synth";
import { DeployedPlanner, type ResourceChange } from "./deployed-plan";
import { requireTerraform } from "./harness";

// The mechanism itself, on changes whose outcome AWS's provider documents: a new VPC block replaces the
// VPC (cidr_block forces a new resource), a new tag updates every tagged resource in place.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = ENVIRONMENTS[0] as any;
const network = stackId(base.name, "network");
const networkOf = (raw: unknown) => synthesize(loadEnvironments([raw], TEST_TODAY).environments).stack(network);
const byKind = (changes: ResourceChange[], kind: string) =>
  changes.filter((c) => c.kind === kind).map((c) => c.address);

describe("a plan against a deployed state, with the real AWS provider", () => {
  let planner: DeployedPlanner;
  const seconds: number[] = [];
  const timed = async (after: unknown) => {
    const start = performance.now();
    const changes = await planner.plan(network, networkOf(after));
    seconds.push((performance.now() - start) / 1000);
    return changes;
  };

  beforeAll(async () => {
    requireTerraform();
    planner = await DeployedPlanner.start();
    await planner.deploy([{ id: network, json: networkOf(base) }]);
  }, 600_000);
  afterAll(async () => {
    console.log(`deployed-plan: ${seconds.map((s) => s.toFixed(1)).join("s, ")}s per plan`);
    await planner?.close();
  });

  it("plans nothing for the stack as deployed", async () => {
    const changes = await timed(base);
    expect(changes.length).toBeGreaterThan(10);
    expect(changes.filter((c) => c.kind !== "no-op")).toEqual([]);
  });

  it("plans a replacement of the VPC, with the attribute that forces it, when its block changes", async () => {
    const changes = await timed({ ...base, vpcCidr: "10.20.0.0/16" });
    expect(byKind(changes, "replace")).toContain("aws_vpc.vpc");
    const vpc = changes.find((c) => c.address === "aws_vpc.vpc")!;
    expect(vpc.replacePaths).toContainEqual(["cidr_block"]);
    expect(vpc.actions).toEqual(["delete", "create"]);
  });

  it("plans an update in place, and nothing replaced, when a tag is added", async () => {
    const changes = await timed({ ...base, tags: { ...base.tags, CostCenter: "platform" } });
    expect(byKind(changes, "update")).toContain("aws_vpc.vpc");
    expect(byKind(changes, "replace")).toEqual([]);
    expect(byKind(changes, "delete")).toEqual([]);
    expect(byKind(changes, "create")).toEqual([]);
  });
});
