import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import { Construct } from "constructs";

/** One IAM principal given cluster-admin rights. */
export interface ClusterAdminAccessProps {
  /** Cluster to grant access to. */
  clusterName: string;
  /** IAM role or user ARN (not an STS session ARN). */
  principalArn: string;
  /** ARN partition of the account. */
  partition: string;
  /** Readable Terraform name of the entry and its association, e.g. "deployer". */
  terraformName: string;
  /** Keep the principal the entry was created with: a later plan by another identity changes nothing. */
  keepFirstPrincipal?: boolean;
  /** Terraform name of the first deployer's entry, if kept: the plan fails when it holds principalArn already. */
  firstDeployerEntry?: string;
}

/**
 * An EKS access entry with AmazonEKSClusterAdminPolicy at cluster scope: how a principal gets
 * Kubernetes cluster-admin without the aws-auth ConfigMap.
 */
export class ClusterAdminAccess extends Construct {
  /** The access entry. */
  readonly entry: EksAccessEntry;
  /** The cluster-admin policy association; Kubernetes calls work once it exists. */
  readonly association: EksAccessPolicyAssociation;

  constructor(scope: Construct, id: string, props: ClusterAdminAccessProps) {
    super(scope, id);
    this.entry = new EksAccessEntry(this, "entry", {
      clusterName: props.clusterName,
      principalArn: props.principalArn,
      type: "STANDARD",
      // Replacing the principal would replace the entry, moving cluster-admin to whoever planned last.
      lifecycle: props.keepFirstPrincipal
        ? { ignoreChanges: ["principal_arn"] }
        : props.firstDeployerEntry === undefined
          ? undefined
          : {
              // CreateAccessEntry refuses a second entry for a principal (ResourceInUseException), after the
              // plan: https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessEntry.html
              precondition: [
                {
                  condition: `\${aws_eks_access_entry.${props.firstDeployerEntry}.principal_arn != "${props.principalArn}"}`,
                  errorMessage:
                    `${props.principalArn} already has cluster-admin as the identity that first deployed the cluster ` +
                    `(access entry "${props.firstDeployerEntry}"), and EKS allows one access entry per principal: remove it ` +
                    `from cluster.adminPrincipalArns, it keeps cluster-admin through that entry ` +
                    `(docs/cluster-access.md). The plan stopped before changing anything.`,
                },
              ],
            },
    });
    this.entry.overrideLogicalId(props.terraformName);

    this.association = new EksAccessPolicyAssociation(this, "admin", {
      // Read from the entry, so the association is created after it and destroyed before it.
      clusterName: this.entry.clusterName,
      principalArn: this.entry.principalArn,
      // Access policy ARNs have no region and the literal account "aws".
      policyArn: `arn:${props.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
      accessScope: { type: "cluster" },
    });
    this.association.overrideLogicalId(`${props.terraformName}_cluster_admin`);
  }
}
