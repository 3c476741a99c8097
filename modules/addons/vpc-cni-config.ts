// The vpc-cni add-on's configuration_values: whether it assigns /28 prefixes instead of single
// addresses to the nodes' network interfaces (EKS user guide, "Assign more IP addresses to Amazon EKS
// nodes with prefixes"; the settings are the plugin's environment variables, aws/amazon-vpc-cni-k8s
// README). Written out in both states, so turning it off is a visible change, not a removed setting.

/** The vpc-cni add-on's configuration_values for prefix delegation on or off. */
export function vpcCniConfigurationValues(prefixDelegation: boolean): string {
  const env: Record<string, string> = { ENABLE_PREFIX_DELEGATION: String(prefixDelegation) };
  // Keep one whole prefix free on each node, so the next pod starts without waiting for an EC2 call.
  if (prefixDelegation) env.WARM_PREFIX_TARGET = "1";
  return JSON.stringify({ env });
}
