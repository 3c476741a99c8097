import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../environments";
import { loadEnvironments } from "../../environments/load";
import { stackId } from "../../stacks/contract";
import { synthesize, TEST_TODAY } from "../support/synth";
import { DeployedPlanner, type ResourceChange } from "./deployed-plan";
import { requireTerraform } from "./harness";

// Switching EKS Auto Mode on and off on a running cluster, as the real AWS provider plans it against the
// state of the default environment as deployed: the cluster is updated in place and nothing is replaced
// (terraform-aws-eks issues 3266 and 3372: there, enabling it replaced the cluster).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = ENVIRONMENTS[0] as any;
const autoOn = { ...base, compute: { ...base.compute, autoMode: { enabled: true } } };
const synthesized = (raw: unknown) => synthesize(loadEnvironments([raw], TEST_TODAY).environments);
const network = stackId(base.name, "network");
const cluster = stackId(base.name, "cluster");
/** Replaced resources, each with the attributes that force it. */
const replaced = (changes: ResourceChange[]) =>
  changes.filter((c) => c.kind === "replace").map((c) => ({ address: c.address, forcedBy: c.replacePaths }));
const addresses = (changes: ResourceChange[], kind: string) =>
  changes
    .filter((c) => c.kind === kind)
    .map((c) => c.address)
    .sort();

describe("Auto Mode switched on a deployed cluster, planned by the real AWS provider", () => {
  let planner: DeployedPlanner;
  let enabling: ResourceChange[];
  let disabling: ResourceChange[];

  beforeAll(async () => {
    requireTerraform();
    planner = await DeployedPlanner.start();
    const off = synthesized(base);
    const on = synthesized(autoOn);
    await planner.deploy([network, cluster].map((id) => ({ id, json: off.stack(id) })));
    enabling = await planner.plan(cluster, on.stack(cluster));
    // Deploy it, then switch it off again.
    await planner.deploy([{ id: cluster, json: on.stack(cluster) }]);
    disabling = await planner.plan(cluster, off.stack(cluster));
  }, 600_000);
  afterAll(async () => planner?.close());

  it("enabling updates the cluster and its role in place, and creates only the new roles and attachments", () => {
    expect(replaced(enabling)).toEqual([]);
    expect(addresses(enabling, "delete")).toEqual([]);
    expect(addresses(enabling, "update")).toEqual(["aws_eks_cluster.cluster", "aws_iam_role.cluster"]);
    expect(addresses(enabling, "create")).toEqual([
      "aws_iam_role.auto_mode_node",
      "aws_iam_role_policy_attachment.auto_mode_node_amazon_ec2_container_registry_pull_only",
      "aws_iam_role_policy_attachment.auto_mode_node_amazon_eks_worker_node_minimal_policy",
      "aws_iam_role_policy_attachment.cluster_block_storage",
      "aws_iam_role_policy_attachment.cluster_compute",
      "aws_iam_role_policy_attachment.cluster_load_balancing",
      "aws_iam_role_policy_attachment.cluster_networking",
    ]);
    const eks = enabling.find((c) => c.address === "aws_eks_cluster.cluster")!;
    expect(eks.after.compute_config[0]).toMatchObject({ enabled: true, node_pools: ["general-purpose", "system"] });
    expect(eks.after.storage_config).toEqual([{ block_storage: [{ enabled: true }] }]);
    expect(eks.after.kubernetes_network_config[0].elastic_load_balancing).toEqual([{ enabled: true }]);
    // The attribute that would force a new cluster keeps the value the cluster was created with.
    expect(eks.after.bootstrap_self_managed_addons).toBe(eks.before.bootstrap_self_managed_addons);
  });

  it("disabling updates the cluster in place, switching all three off, and removes only what enabling added", () => {
    expect(replaced(disabling)).toEqual([]);
    expect(addresses(disabling, "create")).toEqual([]);
    expect(addresses(disabling, "update")).toEqual(["aws_eks_cluster.cluster", "aws_iam_role.cluster"]);
    expect(addresses(disabling, "delete")).toEqual(addresses(enabling, "create"));
    const eks = disabling.find((c) => c.address === "aws_eks_cluster.cluster")!;
    expect(eks.after.compute_config[0].enabled).toBe(false);
    // The provider would replace the cluster for a node role ARN that changes, even to none: it stays.
    expect(eks.after.compute_config[0].node_role_arn).toBe(eks.before.compute_config[0].node_role_arn);
    expect(eks.after.storage_config).toEqual([{ block_storage: [{ enabled: false }] }]);
    expect(eks.after.kubernetes_network_config[0].elastic_load_balancing).toEqual([{ enabled: false }]);
  });
});
