import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { autoModeNodeRoleName } from "./names";

/** Settings of Auto Mode's node role. */
export interface AutoModeNodeRoleProps {
  /** Cluster name, prefix of the role's name. */
  clusterName: string;
  /** ARN partition of the account. */
  partition: string;
}

/**
 * The IAM role EKS Auto Mode's nodes run with: trusted by EC2, holding only what a node needs to join
 * and pull images (AmazonEKSWorkerNodeMinimalPolicy, AmazonEC2ContainerRegistryPullOnly; EKS user guide,
 * auto-create-node-role.html). No access entry is declared: while built-in node pools are on, EKS creates
 * the role's EC2 access entry with AmazonEKSAutoNodePolicy itself, and a second one fails as a duplicate
 * (terraform-aws-modules/terraform-aws-eks issues 3241 and 3578).
 */
export class AutoModeNodeRole extends Construct {
  /** The role. */
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: AutoModeNodeRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: autoModeNodeRoleName(props.clusterName),
      description: `EKS Auto Mode nodes of ${props.clusterName}`,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    });
    this.role.overrideLogicalId("auto_mode_node");
    for (const [logicalId, policy] of [
      ["auto_mode_node_minimal", "AmazonEKSWorkerNodeMinimalPolicy"],
      ["auto_mode_node_ecr_pull", "AmazonEC2ContainerRegistryPullOnly"],
    ]) {
      new IamRolePolicyAttachment(this, logicalId, {
        role: this.role.name,
        policyArn: `arn:${props.partition}:iam::aws:policy/${policy}`,
      }).overrideLogicalId(logicalId);
    }
  }
}
