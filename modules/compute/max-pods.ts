// How many pods a node can hold, as AWS's max-pods calculator computes it
// (awslabs/amazon-eks-ami, templates/al2/runtime/max-pods-calculator.sh; the EKS user guide,
// https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods):
// every ENI keeps its first address for itself, every other address (or, with prefix delegation,
// every /28 prefix of 16 addresses) in each ENI slot goes to a pod, and +2 counts the host-network
// pods (aws-node, kube-proxy). The result is then capped at 110 pods up to 30 vCPUs and 250 above, with
// or without prefixes, as the calculator does (its last version, amazon-eks-ami commit 0ab84280) and
// managed node groups enforce (EKS user guide, "Amazon EKS recommended maximum Pods for each Amazon EC2 instance type").

/** What max pods depends on: the instance type's vCPUs and network interface limits. */
export interface PodCapacityFacts {
  /** Default vCPUs. */
  vcpu: number;
  /** Network interfaces the instance type takes. */
  maxEnis: number;
  /** IPv4 addresses per network interface. */
  ipv4PerEni: number;
  /** "nitro", "xen" or "none" (bare metal): prefixes go to Nitro and bare-metal instances only. */
  hypervisor: string;
  /** Whether the instance is bare metal. */
  bareMetal: boolean;
}

/**
 * Whether the VPC CNI assigns prefixes to this instance type: Nitro or bare metal
 * (IsPrefixDelegationSupported, aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go).
 */
export function takesPrefixes(facts: Pick<PodCapacityFacts, "hypervisor" | "bareMetal">): boolean {
  return facts.hypervisor === "nitro" || facts.bareMetal;
}

/** Addresses in one /28 prefix. */
export const ADDRESSES_PER_PREFIX = 16;

/** The kubelet cap for an instance of this many vCPUs. */
export function maxPodsCap(vcpu: number): number {
  return vcpu > 30 ? 250 : 110;
}

/** Max pods of an instance type, with or without VPC CNI prefix delegation. */
export function maxPods(facts: PodCapacityFacts, prefixDelegation: boolean): number {
  // Other instances keep assigning single addresses even with prefix delegation on (EKS user guide).
  const perSlot = prefixDelegation && takesPrefixes(facts) ? ADDRESSES_PER_PREFIX : 1;
  const computed = facts.maxEnis * (facts.ipv4PerEni - 1) * perSlot + 2;
  return Math.min(computed, maxPodsCap(facts.vcpu));
}
