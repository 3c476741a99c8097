import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { Construct } from "constructs";
import { nodeUserData } from "./node-user-data";

/** Settings of a node group's launch template. */
export interface NodeLaunchTemplateProps {
  /** Launch template name, unique in the region. */
  name: string;
  /** Root volume size in GiB. */
  diskSizeGiB: number;
  /** The kubelet's max pods, written into the nodes' NodeConfig. */
  maxPods: number;
  /** Tags of the instances, their volumes and network interfaces (provider default tags do not reach them). */
  tags: Record<string, string>;
}

/**
 * The launch template of one managed node group: IMDSv2 only, with a hop limit of 1 so a pod (one hop
 * away from the node) cannot read the node role's credentials (EKS best practices, "Restrict access
 * to the instance profile"); an encrypted gp3 root volume; the environment's tags on what EC2 launches.
 * A change writes a new version, which the node group rolls out node by node: nothing is replaced.
 * The volume uses the account's EBS key: a customer key would need a key policy naming the Auto
 * Scaling service-linked role, which a new account does not have until its first Auto Scaling group.
 */
export class NodeLaunchTemplate extends Construct {
  /** The launch template. */
  readonly template: LaunchTemplate;

  constructor(scope: Construct, id: string, props: NodeLaunchTemplateProps) {
    super(scope, id);
    this.template = new LaunchTemplate(this, "template", {
      name: props.name,
      description: `Nodes of ${props.name}`,
      updateDefaultVersion: true,
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [
        {
          deviceName: "/dev/xvda",
          ebs: { volumeSize: props.diskSizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" },
        },
      ],
      tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({
        resourceType,
        tags: { ...props.tags, Name: props.name },
      })),
      userData: nodeUserData(props.maxPods),
    });
    this.template.overrideLogicalId(id);
  }
}
