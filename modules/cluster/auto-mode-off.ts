import type { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";

// Auto Mode off, as the AWS provider 5.100.0 needs it written, decided per cluster at plan time:
// - a cluster that has had Auto Mode reports computeConfig, storageConfig and
//   kubernetesNetworkConfig.elasticLoadBalancing (DescribeCluster); switching it off takes all three written
//   with `enabled = false`: a removed block is not switched off, and a half-removed set fails the provider's
//   check that all three agree (terraform-aws-eks issues 3268, 3418; hashicorp/terraform-provider-aws 40582);
// - a cluster that never had Auto Mode reports none of them (terraform-aws-eks issue 3273), and writing them
//   `false` there plans an update that EKS rejects as "no changes needed" (terraform-aws-eks issues 3457,
//   3528): they must stay unwritten.
// - the provider replaces the cluster when compute_config's node_role_arn changes from a role to another
//   value, empty included (its CustomizeDiff, r/eks_cluster in 5.100.0): switching off keeps the deployed one.
// So each block is written, switched off, exactly where the deployed cluster reports it: the plan then
// changes nothing on a cluster that never had Auto Mode, and switches it off in place on one that has it.

/**
 * Writes Auto Mode's three switches, each `enabled = false`, where the deployed cluster read at
 * `deployedAddress` (a data source with one instance once the cluster exists, none before) reports them.
 */
export function switchAutoModeOffWhereDeployed(cluster: EksCluster, deployedAddress: string): void {
  const reported = (path: string) => `\${[for c in ${deployedAddress} : 1 if length(${path}) > 0]}`;
  cluster.addOverride("dynamic.compute_config", {
    for_each: `\${[for c in ${deployedAddress} : c.compute_config[0] if length(c.compute_config) > 0]}`,
    content: {
      enabled: false,
      node_role_arn: '${compute_config.value.node_role_arn == "" ? null : compute_config.value.node_role_arn}',
    },
  });
  cluster.addOverride("dynamic.storage_config", {
    for_each: reported("c.storage_config"),
    content: { block_storage: { enabled: false } },
  });
  cluster.addOverride("kubernetes_network_config.dynamic.elastic_load_balancing", {
    for_each: reported("flatten(c.kubernetes_network_config[*].elastic_load_balancing)"),
    content: { enabled: false },
  });
}
