import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";

/**
 * What a node needs to join a cluster and pull images, and nothing more: no AmazonEKS_CNI_Policy, which
 * vpc-cni's IRSA role holds (EKS user guide, "Amazon EKS node IAM role").
 */
export const WORKER_NODE_POLICIES = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"] as const;

/**
 * What EKS Auto Mode's nodes need (EKS user guide, auto-create-node-role.html). Their role gets no access
 * entry here: while built-in node pools are on, EKS creates the role's EC2 access entry with
 * AmazonEKSAutoNodePolicy itself, and a second one fails as a duplicate (terraform-aws-modules/terraform-aws-eks
 * issues 3241 and 3578).
 */
export const AUTO_MODE_NODE_POLICIES = [
  "AmazonEKSWorkerNodeMinimalPolicy",
  "AmazonEC2ContainerRegistryPullOnly",
] as const;

/** Settings of the node role. */
export interface NodeRoleProps {
  /** Role name. */
  name: string;
  /** What the role is for, shown in the IAM console. */
  description: string;
  /** ARN partition of the account. */
  partition: string;
  /** AWS-managed policies to attach, by name (e.g. "AmazonEKSWorkerNodePolicy"). */
  managedPolicies: readonly string[];
}

/**
 * The IAM role EC2 nodes run as. It holds only what the kubelet needs to join and pull images: no
 * AmazonEKS_CNI_Policy, which sits on vpc-cni's own IRSA role, so a pod reaching the node's
 * credentials could not change the VPC's network interfaces (EKS user guide, "Amazon EKS node IAM role").
 * Addresses: aws_iam_role.<id>, aws_iam_role_policy_attachment.<id>_<policy in snake case>.
 */
export class NodeRole extends Construct {
  /** The role. */
  readonly role: IamRole;
  /** Its policy attachments: depend on them so no node starts without its permissions. */
  readonly attachments: IamRolePolicyAttachment[];

  constructor(scope: Construct, id: string, props: NodeRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, "role", {
      name: props.name,
      description: props.description,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    });
    this.role.overrideLogicalId(id);
    this.attachments = props.managedPolicies.map((policy) => {
      const attachment = new IamRolePolicyAttachment(this, `attach_${policy}`, {
        role: this.role.name,
        policyArn: `arn:${props.partition}:iam::aws:policy/${policy}`,
      });
      attachment.overrideLogicalId(policyAttachmentId(id, policy));
      return attachment;
    });
  }
}

/** The Terraform name of a role's attachment of a managed policy: nodes_amazon_eks_worker_node_policy. */
export function policyAttachmentId(roleId: string, policy: string): string {
  return `${roleId}_${snakeCase(policy)}`;
}

// AmazonEKSWorkerNodePolicy → amazon_eks_worker_node_policy
function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
