import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { launchTemplateName, nodeRoleName, terraformName } from "../modules/cluster/names";
import { stackDefaultTags } from "../modules/cluster/tags";
import { ManagedNodeGroup } from "../modules/compute/node-group";
import { planNodeGroup } from "../modules/compute/node-groups";
import { NodeRole } from "../modules/compute/node-role";
import { CurrentAccount } from "../modules/logging/account";
import { PlatformStack } from "./platform-stack";

/** The stacks the compute stack builds on. */
export interface ComputeUpstreams {
  /** Private subnets for the nodes. */
  network: PlatformStack<"network">;
  /** The cluster the nodes join. */
  cluster: PlatformStack<"cluster">;
  /** vpc-cni must have its IRSA role and prefix setting before the first node joins. */
  addons: PlatformStack<"addons">;
}

/** `<env>-compute`: the environment's nodes beyond Fargate (managed node groups); empty without any. */
export class ComputeStack extends PlatformStack<"compute"> {
  constructor(scope: Construct, env: Environment, upstreams: ComputeUpstreams) {
    super(scope, env, "compute");
    this.addDependency(upstreams.addons);
    const groups = env.compute.nodeGroups;
    if (groups.length === 0) {
      this.outputs({ node_group_names: [], node_role_arn: "" });
      return;
    }
    const network = this.upstream(upstreams.network);
    const cluster = this.upstream(upstreams.cluster);
    const account = new CurrentAccount(this, "account");

    const nodeRole = new NodeRole(this, "nodes", {
      name: nodeRoleName(env.clusterName),
      description: `EC2 nodes of the managed node groups of ${env.clusterName}`,
      partition: account.partition,
      managedPolicies: ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"],
    });
    const nodeGroups = groups.map((settings) => {
      const plan = planNodeGroup(settings, env.compute.prefixDelegation);
      return new ManagedNodeGroup(this, terraformName(settings.name), {
        clusterName: cluster.get("cluster_name"),
        kubernetesVersion: env.kubernetesVersion,
        settings,
        amiType: plan.amiType,
        maxPods: plan.maxPods,
        subnetIds: network.get("private_subnet_ids"),
        nodeRoleArn: nodeRole.role.arn,
        launchTemplateName: launchTemplateName(env.clusterName, settings.name),
        tags: stackDefaultTags(env.tags, this.node.id),
        dependsOn: nodeRole.attachments,
      });
    });

    this.outputs({
      node_group_names: nodeGroups.map((g) => g.nodeGroup.nodeGroupName),
      node_role_arn: nodeRole.role.arn,
    });
  }
}
