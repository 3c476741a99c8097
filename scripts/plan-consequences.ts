// What a plan that replaces or destroys a resource breaks, for the resources where it is not obvious
// from the plan: one plain sentence each, read by scripts/pr-comment.ts. The first row whose type
// (and pattern, if any) matches the resource's part of the plan applies; the comment lists the rows'
// consequences in this order, heaviest first.

/** What replacing or destroying one kind of resource breaks. */
export interface Consequence {
  /** Terraform resource type, e.g. "aws_eks_fargate_profile". */
  type: string;
  /** Applies only when the resource's part of the plan matches, e.g. a profile selecting kube-system. */
  when?: RegExp;
  /** One plain sentence: what it breaks; a function writes it from the resource's part of the plan. */
  text: string | ((block: string) => string);
  /** Where that comes from. */
  source: string;
  /** Applies to an in-place update too: the change replaces something outside Terraform (a load balancer). */
  onUpdate?: boolean;
}

// The principal an access entry had: the first value of principal_arn in its part of the plan, which is
// the old one in a replacement ("old" -> "new") and the only one in a deletion ("old" -> null).
function formerPrincipal(block: string): string {
  return /principal_arn\s*=\s*("[^"]*")/.exec(block)?.[1] ?? "The principal of this access entry";
}

export const CONSEQUENCES: readonly Consequence[] = [
  {
    type: "aws_eks_fargate_profile",
    when: /namespace\s+=\s+"kube-system"/,
    text:
      "EKS deletes every pod running on this profile, coredns and the Load Balancer Controller included: " +
      "DNS in the cluster stops until coredns runs again, so every pod's name lookups fail for a moment, " +
      "and no load balancer changes while the controller is down.",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/delete-fargate-profile.html",
  },
  {
    type: "aws_eks_fargate_profile",
    text:
      "EKS deletes every pod running on this profile; a pod runs again only on a profile that selects it, " +
      "and stays Pending until one does.",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/delete-fargate-profile.html",
  },
  {
    type: "aws_eks_cluster",
    text:
      "The cluster is deleted: a full outage, every pod and Kubernetes object in it is lost, and its " +
      "replacement has a new API endpoint, certificate and OIDC issuer, so kubeconfigs, IRSA roles and " +
      "the stacks after this one must follow.",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/delete-cluster.html",
  },
  {
    type: "aws_eks_access_entry",
    text: (block) =>
      `${formerPrincipal(block)} loses cluster-admin: EKS deletes its access entry, so kubectl as that ` +
      "identity, and every later stack a deploy runs as it, fail with Unauthorized until an entry admits it again.",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html",
  },
  {
    type: "aws_vpc",
    text:
      "Everything inside the VPC goes with it: subnets, NAT gateways and routes here, and the cluster, " +
      "Fargate pods and load balancers of the stacks after this one; AWS refuses to delete a VPC that " +
      "still holds them, so the apply fails until they are destroyed first.",
    source: "https://docs.aws.amazon.com/vpc/latest/userguide/delete-vpc.html",
  },
  {
    type: "aws_subnet",
    text:
      "Everything placed in the subnet goes with it: Fargate pods, load balancer nodes and the cluster's " +
      "control-plane network interfaces; AWS deletes a subnet only once nothing runs in it, so the apply " +
      "fails until they are moved out or destroyed.",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnet.html",
  },
  {
    type: "aws_kms_key",
    text:
      "AWS schedules the key for deletion (after a 7 to 30 day wait) and refuses to use it from then on: " +
      "what it encrypts, the cluster's Kubernetes secrets, cannot be decrypted, and never again once the " +
      "key is deleted.",
    source: "https://docs.aws.amazon.com/kms/latest/cryptographic-details/key-deletion.html",
  },
  {
    // A Service's load-balancer class cannot change in place (Kubernetes API: spec.loadBalancerClass is
    // immutable); moving between the Helm controller and EKS Auto Mode recreates the Service.
    type: "kubernetes_service_v1",
    when: /load_balancer_class\s+=\s+"[^"]*"\s+->/,
    text:
      "Its NLB is replaced: the controller of the old class deletes the load balancer and the one of the new " +
      "class makes another, with a new DNS name, so clients reach nothing until they resolve the new name " +
      "(docs/auto-mode.md says how to move without downtime).",
    source: "https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-class",
  },
  {
    type: "kubernetes_ingress_v1",
    when: /ingress_class_name\s+=\s+"[^"]*"\s+->/,
    onUpdate: true,
    text:
      "Its ALB is replaced although the Ingress is only updated: the controller of the old class deletes its " +
      "load balancer and the one of the new class makes another, with a new DNS name, so clients reach " +
      "nothing until they resolve the new name (docs/auto-mode.md says how to move without downtime).",
    source: "https://docs.aws.amazon.com/eks/latest/userguide/auto-configure-alb.html",
  },
  {
    type: "aws_cloudwatch_log_group",
    text: "CloudWatch deletes the log group with every log event in it: the logs it holds are lost.",
    source: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html",
  },
];
