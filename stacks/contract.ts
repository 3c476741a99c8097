// The cross-stack contract: the stacks of an environment, in deploy order, and the named outputs
// each one declares, with their kind, description and the stacks that read them. A downstream stack
// reads only these names, through its upstream's remote state.

/** The six stacks of an environment, in dependency (deploy) order. */
export const COMPONENTS = ["network", "cluster", "addons", "compute", "lb-controller", "workloads"] as const;

/** One stack of an environment. */
export type Component = (typeof COMPONENTS)[number];

/** What an output holds: one string, or a list of strings. */
export type OutputKind = "string" | "list";

/** One named output of a stack. */
export interface OutputSpec {
  /** A string or a list; upstream reads are typed by it. */
  kind: OutputKind;
  /** The output's description, shown by `terraform output` and `cdktf output`. */
  description: string;
  /** The stacks that read it from this stack's state; changing or removing it breaks them. */
  readBy: readonly Component[];
}

const K8S_STACKS = ["addons", "compute", "lb-controller", "workloads"] as const;

/** Named outputs of each stack: snake_case, non-sensitive, stable across refactors. */
export const CONTRACT = {
  network: {
    vpc_id: { kind: "string", description: "ID of the VPC", readBy: ["lb-controller"] },
    vpc_cidr: { kind: "string", description: "IPv4 block of the VPC", readBy: [] },
    private_subnet_ids: {
      kind: "list",
      description: "Private subnets, in zone order (Fargate pods, control plane, nodes)",
      readBy: ["cluster", "compute"],
    },
    public_subnet_ids: {
      kind: "list",
      description: "Public subnets, in zone order (NAT, internet-facing load balancers)",
      readBy: [],
    },
    azs: { kind: "list", description: "Availability zones, in the order of the subnet lists", readBy: [] },
    nat_public_ips: { kind: "list", description: "Egress addresses of the NAT gateways", readBy: ["cluster"] },
    logs_kms_key_arn: {
      kind: "string",
      description: "Customer-managed KMS key encrypting every CloudWatch log group of the environment",
      readBy: ["cluster", "addons"],
    },
  },
  cluster: {
    cluster_name: { kind: "string", description: "EKS cluster name", readBy: K8S_STACKS },
    cluster_arn: { kind: "string", description: "EKS cluster ARN", readBy: [] },
    cluster_endpoint: { kind: "string", description: "Kubernetes API server URL", readBy: K8S_STACKS },
    cluster_certificate_authority_data: {
      kind: "string",
      description: "Base64 CA bundle of the API server",
      readBy: K8S_STACKS,
    },
    cluster_version: { kind: "string", description: "Kubernetes minor version of the control plane", readBy: [] },
    cluster_security_group_id: {
      kind: "string",
      description: "Security group EKS created for the control plane and Fargate pods",
      readBy: ["compute"],
    },
    oidc_provider_arn: {
      kind: "string",
      description: "IAM OIDC provider that IRSA roles trust",
      readBy: ["addons", "lb-controller"],
    },
    oidc_issuer_url: {
      kind: "string",
      description: "OIDC issuer URL of the cluster (https://...)",
      readBy: ["addons", "lb-controller"],
    },
    fargate_profile_names: { kind: "list", description: "Fargate profiles, in creation order", readBy: [] },
    fargate_pod_execution_role_arns: {
      kind: "list",
      description: "Pod execution roles, in the order of fargate_profile_names",
      readBy: [],
    },
    fargate_log_group_name: {
      kind: "string",
      description: "CloudWatch log group for Fargate pod logs",
      readBy: ["addons"],
    },
    configure_kubectl: {
      kind: "string",
      description: "Configure kubectl: run this with the AWS profile you deploy with to update your kubeconfig",
      readBy: [],
    },
  },
  addons: {
    coredns_version: { kind: "string", description: "Version of the coredns add-on", readBy: [] },
    vpc_cni_version: { kind: "string", description: "Version of the vpc-cni add-on", readBy: [] },
    kube_proxy_version: { kind: "string", description: "Version of the kube-proxy add-on", readBy: [] },
    metrics_server_version: { kind: "string", description: "Version of the metrics-server add-on", readBy: [] },
    logging_namespace: {
      kind: "string",
      description: "Namespace holding Fargate's log router configuration",
      readBy: [],
    },
    logging_config_map: {
      kind: "string",
      description: "Fargate's log router ConfigMap, as namespace/name",
      readBy: [],
    },
    karpenter_node_role_name: {
      kind: "string",
      description: "IAM role of Karpenter's nodes, named by its EC2NodeClass; empty without Karpenter",
      readBy: ["compute"],
    },
    karpenter_controller_role_arn: {
      kind: "string",
      description: "IAM role of Karpenter's controller service account; empty without Karpenter",
      readBy: [],
    },
    karpenter_interruption_queue_name: {
      kind: "string",
      description: "SQS queue of EC2 interruption events Karpenter reads; empty without Karpenter",
      readBy: [],
    },
    karpenter_chart_version: {
      kind: "string",
      description: "Installed Karpenter chart version; empty without Karpenter",
      readBy: [],
    },
  },
  compute: {
    node_group_names: {
      kind: "list",
      description: "EKS managed node groups, as EKS names them; empty without node groups",
      readBy: [],
    },
    node_role_arn: {
      kind: "string",
      description: "IAM role of the managed node groups' instances; empty without node groups",
      readBy: [],
    },
    node_pool_names: {
      kind: "list",
      description: "NodePools this stack declares (Karpenter's, or Auto Mode's custom pools); empty without them",
      readBy: [],
    },
  },
  "lb-controller": {
    lb_controller_role_arn: {
      kind: "string",
      description: "IAM role of the controller's service account",
      readBy: [],
    },
    lb_controller_release: { kind: "string", description: "Helm release name of the controller", readBy: [] },
    lb_controller_chart_version: { kind: "string", description: "Installed chart version", readBy: [] },
    lb_controller_namespace: { kind: "string", description: "Namespace the controller runs in", readBy: [] },
  },
  workloads: {
    game_url: {
      kind: "string",
      description: "URL of the 2048 game (its ALB); empty when the samples are off",
      readBy: [],
    },
    echo_url: {
      kind: "string",
      description: "URL of the echo server (its NLB); empty when the samples are off",
      readBy: [],
    },
  },
} as const satisfies Record<Component, Record<string, OutputSpec>>;

/** A named output of one component. */
export type OutputName<C extends Component> = keyof (typeof CONTRACT)[C] & string;

/** The TypeScript type of an output's value: a string, or a list of strings. */
export type OutputValue<C extends Component, N extends OutputName<C>> = (typeof CONTRACT)[C][N] extends {
  kind: "list";
}
  ? string[]
  : string;

/** Every output of a component with its value: what a stack passes to declare its outputs. */
export type StackOutputs<C extends Component> = { [N in OutputName<C>]: OutputValue<C, N> };

/** The output names of a component, in the contract's order. */
export function outputNames<C extends Component>(component: C): OutputName<C>[] {
  return Object.keys(CONTRACT[component]) as OutputName<C>[];
}

/** The spec of one output. */
export function outputSpec<C extends Component>(component: C, name: OutputName<C>): OutputSpec {
  return (CONTRACT[component] as Record<string, OutputSpec>)[name];
}

/** Stack id `<env>-<component>`, so `cdktf deploy 'dev-*'` acts on one environment. */
export function stackId(environment: string, component: Component): string {
  return `${environment}-${component}`;
}
