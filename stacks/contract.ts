// The cross-stack contract: the stacks of an environment, in deploy order, and the named outputs
// each one declares. A downstream stack reads only these names, through its upstream's remote state.

/** The five stacks of an environment, in dependency (deploy) order. */
export const COMPONENTS = ["network", "cluster", "addons", "lb-controller", "workloads"] as const;

/** One stack of an environment. */
export type Component = (typeof COMPONENTS)[number];

/** Named outputs of each stack: snake_case, non-sensitive, stable across refactors. */
export const OUTPUTS = {
  network: ["vpc_id", "vpc_cidr", "private_subnet_ids", "public_subnet_ids", "azs", "nat_public_ips"],
  cluster: [
    "cluster_name",
    "cluster_arn",
    "cluster_endpoint",
    "cluster_certificate_authority_data",
    "cluster_version",
    "cluster_security_group_id",
    "oidc_provider_arn",
    "oidc_issuer_url",
    "fargate_profile_names",
    "fargate_pod_execution_role_arns",
    "fargate_log_group_name",
    "configure_kubectl",
  ],
  addons: ["coredns_version", "vpc_cni_version", "kube_proxy_version", "logging_namespace", "logging_config_map"],
  "lb-controller": [
    "lb_controller_role_arn",
    "lb_controller_release",
    "lb_controller_chart_version",
    "lb_controller_namespace",
  ],
  workloads: ["game_url", "echo_url"],
} as const satisfies Record<Component, readonly string[]>;

/** A named output of one component. */
export type OutputName<C extends Component> = (typeof OUTPUTS)[C][number];

/** Stack id `<env>-<component>`, so `cdktf deploy 'dev-*'` acts on one environment. */
export function stackId(environment: string, component: Component): string {
  return `${environment}-${component}`;
}
