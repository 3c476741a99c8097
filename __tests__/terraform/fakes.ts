// Stand-ins for what AWS would return, used by the mocked `terraform test` run.

const ACCOUNT = "123456789012";

/**
 * Defaults for attributes the AWS provider validates when another resource uses them (ARNs mostly):
 * the mock provider would otherwise invent random strings that fail that validation.
 */
export const MOCK_RESOURCE_DEFAULTS: Record<string, Record<string, unknown>> = {
  aws_iam_role: { arn: `arn:aws:iam::${ACCOUNT}:role/mock` },
  aws_iam_policy: { arn: `arn:aws:iam::${ACCOUNT}:policy/mock` },
  // Flow logs take their log group's ARN as their destination.
  aws_cloudwatch_log_group: { arn: `arn:aws:logs:ap-northeast-2:${ACCOUNT}:log-group:mock` },
  aws_kms_key: { arn: `arn:aws:kms:ap-northeast-2:${ACCOUNT}:key/0123abcd-0123-4567-89ab-0123456789ab` },
  // The OIDC provider takes the issuer URL, which IAM requires to be https; the outputs index the CA list.
  aws_eks_cluster: {
    arn: `arn:aws:eks:ap-northeast-2:${ACCOUNT}:cluster/mock`,
    certificate_authority: [{ data: "bW9jaw==" }],
    identity: [
      { oidc: [{ issuer: "https://oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF" }] },
    ],
    // EKS reports the service network of every cluster; load balancing only once it has had Auto Mode. A
    // block of at most one, so an object, as Terraform's mocks take it.
    kubernetes_network_config: {
      ip_family: "ipv4",
      service_ipv4_cidr: "172.20.0.0/16",
      service_ipv6_cidr: "",
      elastic_load_balancing: [],
    },
  },
  // A node group takes its launch template's id, which the provider checks starts with "lt-".
  aws_launch_template: { id: "lt-0123456789abcdef0", latest_version: 1 },
  // Karpenter's EventBridge targets take the queue's ARN; its queue policy names the rules' ARNs.
  aws_sqs_queue: {
    arn: `arn:aws:sqs:ap-northeast-2:${ACCOUNT}:mock`,
    url: `https://sqs.ap-northeast-2.amazonaws.com/${ACCOUNT}/mock`,
  },
  aws_cloudwatch_event_rule: { arn: `arn:aws:events:ap-northeast-2:${ACCOUNT}:rule/mock` },
  aws_iam_openid_connect_provider: {
    arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`,
  },
};

/** Defaults for data sources the stacks read. */
export const MOCK_DATA_DEFAULTS: Record<string, Record<string, unknown>> = {
  aws_caller_identity: {
    account_id: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
    user_id: "AROAEXAMPLE:deployer",
  },
  // The IAM role behind the caller's session: the principal of the deployer's access entry.
  aws_iam_session_context: {
    issuer_arn: `arn:aws:iam::${ACCOUNT}:role/deployer`,
    issuer_id: "AROAEXAMPLE",
    issuer_name: "deployer",
    session_name: "",
  },
  aws_partition: { partition: "aws", dns_suffix: "amazonaws.com", reverse_dns_prefix: "com.amazonaws" },
  // The region's EKS clusters, read by the upgrade guard: none, as on a first deploy.
  aws_eks_clusters: { names: [] },
  // A deployed cluster (where a test lists one) that never had Auto Mode: EKS reports none of its settings.
  aws_eks_cluster: { compute_config: [], storage_config: [], kubernetes_network_config: [] },
};

/** The session of another identity of the same account, planning after the first deploy. */
export const TEAMMATE_SESSION: Record<string, unknown> = {
  issuer_arn: `arn:aws:iam::${ACCOUNT}:role/teammate`,
  issuer_id: "AROAEXAMPLETEAMMATE",
  issuer_name: "teammate",
  session_name: "",
};

/** A plausible value for every named output of the contract, fed to downstream stacks. */
export const FAKE_OUTPUTS: Record<string, unknown> = {
  vpc_id: "vpc-0123456789abcdef0",
  vpc_cidr: "10.10.0.0/16",
  private_subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"],
  public_subnet_ids: ["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2", "subnet-0bbbbbbbbbbbbbbb3"],
  azs: ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"],
  nat_public_ips: ["198.51.100.10"],
  logs_kms_key_arn: `arn:aws:kms:ap-northeast-2:${ACCOUNT}:key/0123abcd-0123-4567-89ab-0123456789ac`,
  cluster_name: "dev-fargate",
  cluster_arn: `arn:aws:eks:ap-northeast-2:${ACCOUNT}:cluster/dev-fargate`,
  cluster_endpoint: "https://0123456789ABCDEF0123456789ABCDEF.gr7.ap-northeast-2.eks.amazonaws.com",
  cluster_certificate_authority_data:
    "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=",
  cluster_version: "1.35",
  cluster_security_group_id: "sg-0123456789abcdef0",
  oidc_provider_arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF`,
  oidc_issuer_url: "https://oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF",
  fargate_profile_names: ["kube-system", "study-wildcard"],
  fargate_pod_execution_role_arns: [
    `arn:aws:iam::${ACCOUNT}:role/dev-fargate-fargate-kube-system`,
    `arn:aws:iam::${ACCOUNT}:role/dev-fargate-fargate-study-wildcard`,
  ],
  fargate_log_group_name: "/aws/eks/dev-fargate/fargate",
  configure_kubectl: "aws eks --region ap-northeast-2 update-kubeconfig --name dev-fargate",
  coredns_version: "v1.13.2-eksbuild.4",
  vpc_cni_version: "v1.20.1-eksbuild.3",
  kube_proxy_version: "v1.35.3-eksbuild.2",
  metrics_server_version: "v0.8.1-eksbuild.5",
  logging_namespace: "aws-observability",
  logging_config_map: "aws-observability/aws-logging",
  karpenter_node_role_name: "dev-fargate-karpenter-node",
  karpenter_controller_role_arn: `arn:aws:iam::${ACCOUNT}:role/dev-fargate-karpenter`,
  karpenter_interruption_queue_name: "dev-fargate-karpenter",
  karpenter_chart_version: "1.14.1",
  lb_controller_role_arn: `arn:aws:iam::${ACCOUNT}:role/dev-fargate-lb-controller`,
  lb_controller_release: "aws-load-balancer-controller",
  lb_controller_chart_version: "3.5.0",
  lb_controller_namespace: "kube-system",
  game_url: "http://k8s-study2048-example.ap-northeast-2.elb.amazonaws.com",
  echo_url: "http://k8s-studyech-example.elb.ap-northeast-2.amazonaws.com",
};
