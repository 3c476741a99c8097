import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";
import { NodeRole, WORKER_NODE_POLICIES } from "../node-role";

/** Settings of the role Karpenter's nodes run as. */
export interface KarpenterNodeRoleProps {
  /** EKS cluster the nodes join (its access entry is made there). */
  clusterName: string;
  /** Name of the IAM role. */
  roleName: string;
  /** ARN partition of the account. */
  partition: string;
  /** Attach AmazonSSMManagedInstanceCore, so Session Manager can open a shell on a node (off: nobody can). */
  sessionManager?: boolean;
}

/**
 * The managed policies a Karpenter node needs, as Karpenter's getting-started CloudFormation template's
 * KarpenterNodeRole lists them (aws/karpenter-provider-aws,
 * website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml) less
 * AmazonEKS_CNI_Policy: here vpc-cni's IRSA role holds it (EKS user guide, "Configure Amazon VPC CNI
 * plugin to use IRSA"), so the node, and every pod that reaches its credentials, does not.
 */
export function karpenterNodePolicyNames(sessionManager: boolean): string[] {
  return [...WORKER_NODE_POLICIES, ...(sessionManager ? ["AmazonSSMManagedInstanceCore"] : [])];
}

/**
 * The IAM role of Karpenter's nodes (Karpenter makes their instance profiles from it) and the EKS access
 * entry of type EC2_LINUX that lets a node with it join the cluster. Addresses: aws_iam_role.karpenter_node,
 * aws_iam_role_policy_attachment.karpenter_node_<policy in snake case>, aws_eks_access_entry.karpenter_node.
 */
export class KarpenterNodeRole extends Construct {
  /** The role; the EC2NodeClass names it. */
  readonly role: IamRole;
  /** The access entry: nodes can register once it exists. */
  readonly accessEntry: EksAccessEntry;

  constructor(scope: Construct, id: string, props: KarpenterNodeRoleProps) {
    super(scope, id);
    const { role } = new NodeRole(this, "karpenter_node", {
      name: props.roleName,
      description: `Nodes Karpenter launches for EKS cluster ${props.clusterName}`,
      partition: props.partition,
      managedPolicies: karpenterNodePolicyNames(props.sessionManager ?? false),
    });
    this.role = role;

    // EC2_LINUX puts the node in system:nodes with the node's own identity; EKS allows no access policy
    // on it (EKS user guide, "Create access entries": access entry types).
    this.accessEntry = new EksAccessEntry(this, "access_entry", {
      clusterName: props.clusterName,
      principalArn: this.role.arn,
      type: "EC2_LINUX",
    });
    this.accessEntry.overrideLogicalId("karpenter_node");
  }
}
