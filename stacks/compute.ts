import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { launchTemplateName, nodeRoleName, terraformName } from "../modules/cluster/names";
import { stackDefaultTags } from "../modules/cluster/tags";
import { AutoModeNodePools } from "../modules/compute/auto-mode-node-pools";
import { KarpenterNodePools } from "../modules/compute/karpenter/node-pools";
import { ManagedNodeGroup } from "../modules/compute/node-group";
import { planNodeGroup } from "../modules/compute/node-groups";
import { NodeRole, WORKER_NODE_POLICIES } from "../modules/compute/node-role";
import { CurrentAccount } from "../modules/logging/account";
import { PlatformStack } from "./platform-stack";

/** The stacks the compute stack builds on. */
export interface ComputeUpstreams {
  /** Private subnets for the nodes. */
  network: PlatformStack<"network">;
  /** The cluster the nodes join. */
  cluster: PlatformStack<"cluster">;
  /** vpc-cni has its IRSA role and prefix setting before the first node joins; Karpenter's chart installed its CRDs. */
  addons: PlatformStack<"addons">;
}

/**
 * `<env>-compute`: the environment's nodes beyond Fargate: managed node groups, Auto Mode's custom
 * NodePools, and Karpenter's EC2NodeClass and NodePools (Kubernetes objects whose kinds the cluster and
 * add-ons stacks brought). Empty without any, so it keeps its place in the chain.
 */
export class ComputeStack extends PlatformStack<"compute"> {
  constructor(scope: Construct, env: Environment, upstreams: ComputeUpstreams) {
    super(scope, env, "compute");
    const { nodeGroups: groups, karpenter, autoMode } = env.compute;
    const autoModePools = autoMode.enabled ? autoMode.customNodePools : [];
    if (groups.length === 0 && !karpenter.enabled && autoModePools.length === 0) {
      this.addDependency(upstreams.addons);
      this.outputs({ node_group_names: [], node_role_arn: "", node_pool_names: [] });
      return;
    }
    const network = this.upstream(upstreams.network);
    const cluster = this.upstream(upstreams.cluster);
    // Karpenter's node role comes from the add-ons stack's state; otherwise the chain only orders them.
    const addons = karpenter.enabled ? this.upstream(upstreams.addons) : undefined;
    if (!addons) this.addDependency(upstreams.addons);
    const tags = stackDefaultTags(env.tags, this.node.id);

    let nodeRole: NodeRole | undefined;
    const nodeGroups: ManagedNodeGroup[] = [];
    if (groups.length > 0) {
      const account = new CurrentAccount(this, "account");
      nodeRole = new NodeRole(this, "nodes", {
        name: nodeRoleName(env.clusterName),
        description: `EC2 nodes of the managed node groups of ${env.clusterName}`,
        partition: account.partition,
        managedPolicies: WORKER_NODE_POLICIES,
      });
      for (const settings of groups) {
        const plan = planNodeGroup(settings, env.compute.prefixDelegation);
        nodeGroups.push(
          new ManagedNodeGroup(this, terraformName(settings.name), {
            clusterName: cluster.get("cluster_name"),
            kubernetesVersion: env.kubernetesVersion,
            settings,
            amiType: plan.amiType,
            maxPods: plan.maxPods,
            subnetIds: network.get("private_subnet_ids"),
            nodeRoleArn: nodeRole.role.arn,
            launchTemplateName: launchTemplateName(env.clusterName, settings.name),
            tags,
            dependsOn: nodeRole.attachments,
          }),
        );
      }
    }

    // NodePools are Kubernetes objects: Auto Mode's kind exists once the cluster stack switched it on,
    // Karpenter's once the add-ons stack installed its chart.
    if (karpenter.enabled || autoModePools.length > 0) this.connectToCluster(cluster, ["kubernetes"]);
    if (autoModePools.length > 0) new AutoModeNodePools(this, "auto_mode", { pools: autoModePools });
    if (addons) {
      new KarpenterNodePools(this, "karpenter", {
        clusterName: env.clusterName,
        nodeRoleName: addons.get("karpenter_node_role_name"),
        privateSubnetIds: network.get("private_subnet_ids"),
        clusterSecurityGroupId: cluster.get("cluster_security_group_id"),
        pools: karpenter.nodePools,
        tags,
      });
    }

    this.outputs({
      node_group_names: nodeGroups.map((g) => g.nodeGroup.nodeGroupName),
      node_role_arn: nodeRole?.role.arn ?? "",
      node_pool_names: [...(addons ? karpenter.nodePools : []), ...autoModePools].map((p) => p.name),
    });
  }
}
