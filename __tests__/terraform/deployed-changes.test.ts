import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../environments";
import { loadEnvironments } from "../../environments/load";
import { stackId } from "../../stacks/contract";
import { synthesize, TEST_TODAY } from "../support/synth";
import { DeployedPlanner, type ResourceChange } from "./deployed-plan";
import { requireTerraform } from "./harness";

// Changes a user makes to a running environment, as the real AWS provider plans them against the state
// of the default environment as deployed (the mocked provider of `terraform test` plans every change as
// an update; only the real one knows which attribute forces a new resource). The network stack is not
// deployed: its outputs stand in, so each scenario costs only the stacks it changes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = ENVIRONMENTS[0] as any;
const withCompute = (compute: object) => ({ ...base, compute: { ...base.compute, ...compute } });
const autoOn = withCompute({ autoMode: { enabled: true } });
const firstNodeGroup = withCompute({
  prefixDelegation: true,
  nodeGroups: [{ name: "general", instanceTypes: ["t3.medium"], minSize: 1, maxSize: 3, desiredSize: 1 }],
});
const synthesized = (raw: unknown) => synthesize(loadEnvironments([raw], TEST_TODAY).environments);
const network = stackId(base.name, "network");
const cluster = stackId(base.name, "cluster");
const addons = stackId(base.name, "addons");
/** Replaced resources, each with the attributes that force it. */
const replaced = (changes: ResourceChange[]) =>
  changes.filter((c) => c.kind === "replace").map((c) => ({ address: c.address, forcedBy: c.replacePaths }));
const addresses = (changes: ResourceChange[], kind: string) =>
  changes
    .filter((c) => c.kind === kind)
    .map((c) => c.address)
    .sort();

describe("changes to a deployed environment, planned by the real AWS provider", () => {
  const planners: DeployedPlanner[] = [];
  const off = synthesized(base);
  const on = synthesized(autoOn);
  const withNodes = synthesized(firstNodeGroup);
  let renamed: ResourceChange[];
  let enabling: ResourceChange[];
  let disabling: ResourceChange[];
  let nodesAddons: ResourceChange[];

  beforeAll(async () => {
    requireTerraform();
    // Two deployed copies, planned side by side: the cluster stack's scenarios, and the add-ons stack's
    // (its upstreams' outputs stand in, so it need not wait for the cluster's deploy).
    const [clusters, addonsOnly] = await Promise.all([DeployedPlanner.start(), DeployedPlanner.start()]);
    planners.push(clusters, addonsOnly);
    await Promise.all([
      (async () => {
        clusters.stubOutputs(network);
        await clusters.deploy([{ id: cluster, json: off.stack(cluster) }]);
        enabling = await clusters.plan(cluster, on.stack(cluster));
        // Deploy Auto Mode, then switch it off again.
        await clusters.deploy([{ id: cluster, json: on.stack(cluster) }]);
        disabling = await clusters.plan(cluster, off.stack(cluster));
      })(),
      (async () => {
        addonsOnly.stubOutputs(network);
        addonsOnly.stubOutputs(cluster);
        await addonsOnly.deploy([{ id: addons, json: off.stack(addons) }]);
        nodesAddons = await addonsOnly.plan(addons, withNodes.stack(addons));
        // The control: a renamed cluster renames vpc-cni's role, which IAM cannot do in place; unless that
        // shows as a replacement, "nothing replaced" would prove nothing.
        const other = synthesized({ ...base, clusterName: `${base.clusterName}-x` });
        renamed = await addonsOnly.plan(addons, other.stack(addons));
      })(),
    ]);
  }, 600_000);
  afterAll(async () => Promise.all(planners.map((p) => p.close())));

  it("sees a replacement where the provider forces one: a role renamed", () => {
    const role = renamed.find((c) => c.address === "aws_iam_role.vpc_cni")!;
    expect(role.kind).toBe("replace");
    expect(role.replacePaths).toContainEqual(["name"]);
  });

  describe("EKS Auto Mode", () => {
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

  describe("the first node group, with prefix delegation, on a Fargate-only environment", () => {
    it("changes nothing of Fargate: the cluster stack (profiles, pod execution roles) is synthesized the same", () => {
      expect(withNodes.stack(cluster)).toEqual(off.stack(cluster));
    });

    it("updates vpc-cni's configuration in place, replacing nothing in the add-ons stack", () => {
      expect(replaced(nodesAddons)).toEqual([]);
      expect(addresses(nodesAddons, "delete")).toEqual([]);
      expect(addresses(nodesAddons, "create")).toEqual([]);
      expect(addresses(nodesAddons, "update")).toEqual(["aws_eks_addon.vpc_cni"]);
      const cni = nodesAddons.find((c) => c.address === "aws_eks_addon.vpc_cni")!;
      expect(JSON.parse(cni.after.configuration_values)).toEqual({
        env: { ENABLE_PREFIX_DELEGATION: "true", WARM_PREFIX_TARGET: "1" },
      });
    });

    it("only adds to the network stack (the prefix reservations): every resource it had stays as it was", () => {
      const [before, after] = [off.stack(network).resource, withNodes.stack(network).resource];
      for (const [type, byName] of Object.entries(before)) {
        expect(after[type], type).toMatchObject(byName as object);
      }
      const added = Object.keys(after).filter((type) => !(type in before));
      expect(added).toEqual(["aws_ec2_subnet_cidr_reservation"]);
    });

    it("creates the node groups in the compute stack, which was empty", () => {
      expect(off.stack(stackId(base.name, "compute")).resource).toBeUndefined();
      expect(Object.keys(withNodes.stack(stackId(base.name, "compute")).resource.aws_eks_node_group)).toEqual([
        "general",
      ]);
    });
  });
});
