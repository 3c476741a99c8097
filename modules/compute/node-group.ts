import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { NodeGroupSettings } from "../../environments/compute";
import { NodeLaunchTemplate } from "./launch-template";

/** Settings of one managed node group. */
export interface ManagedNodeGroupProps {
  /** Cluster to join (the cluster stack's cluster_name output). */
  clusterName: string;
  /** Kubernetes minor version of the nodes: the control plane's, so an upgrade rolls the nodes after it. */
  kubernetesVersion: string;
  /** The group's settings from the environment. */
  settings: NodeGroupSettings;
  /** EKS AMI type, e.g. "AL2023_x86_64_STANDARD". */
  amiType: string;
  /** The kubelet's max pods. */
  maxPods: number;
  /** Private subnets the nodes run in. */
  subnetIds: string[];
  /** ARN of the nodes' IAM role. */
  nodeRoleArn: string;
  /** Launch template name. */
  launchTemplateName: string;
  /** Tags of the instances and their volumes. */
  tags: Record<string, string>;
  /** What must exist first: the node role's policy attachments. */
  dependsOn: ITerraformDependable[];
}

/**
 * An EKS managed node group on its own launch template. Terraform sets the size at creation and then
 * leaves desired_size to the cluster's autoscaler. Changing what EKS cannot change in place (instance
 * types, capacity or AMI type) replaces the group: it is created under a new name (EKS adds a suffix
 * to the prefix) before the old one is deleted, so running pods always have nodes to move to.
 * Addresses: aws_eks_node_group.<name>, aws_launch_template.<name>.
 */
export class ManagedNodeGroup extends Construct {
  /** The node group. */
  readonly nodeGroup: EksNodeGroup;
  /** Its launch template. */
  readonly launchTemplate: NodeLaunchTemplate;

  constructor(scope: Construct, id: string, props: ManagedNodeGroupProps) {
    super(scope, id);
    const { settings } = props;
    this.launchTemplate = new NodeLaunchTemplate(this, id, {
      name: props.launchTemplateName,
      diskSizeGiB: settings.diskSizeGiB,
      maxPods: props.maxPods,
      tags: props.tags,
    });
    const template = this.launchTemplate.template;
    this.nodeGroup = new EksNodeGroup(this, "node_group", {
      clusterName: props.clusterName,
      nodeGroupNamePrefix: `${settings.name}-`,
      version: props.kubernetesVersion,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: props.subnetIds,
      amiType: props.amiType,
      capacityType: settings.capacityType,
      instanceTypes: settings.instanceTypes,
      scalingConfig: { minSize: settings.minSize, maxSize: settings.maxSize, desiredSize: settings.desiredSize },
      // A rolling update (new launch template version, AMI or Kubernetes version) replaces a third at a time.
      updateConfig: { maxUnavailablePercentage: 33 },
      labels: Object.keys(settings.labels).length > 0 ? settings.labels : undefined,
      taint: settings.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
      launchTemplate: { id: template.id, version: template.latestVersion.toString() },
      dependsOn: props.dependsOn,
      lifecycle: { createBeforeDestroy: true, ignoreChanges: ["scaling_config[0].desired_size"] },
    });
    this.nodeGroup.overrideLogicalId(id);
  }
}
