// Physical names (what AWS knows a resource by: IAM roles and policies, log groups, KMS aliases) and
// Terraform addresses, for every stack: fixed and readable, never random suffixes, so a name in the
// console leads straight back to its environment. Name tags are composed by the construct that owns them.

/** IAM's limit on role names. */
export const IAM_ROLE_NAME_LIMIT = 64;

/** An EKS cluster name as environments may write it: 1-40 letters, digits, "-" or "_", so role names built from it fit. */
export const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** The EKS cluster's IAM role. */
export function clusterRoleName(clusterName: string): string {
  return `${clusterName}-cluster`;
}

/** The IAM role of EKS Auto Mode's nodes (the role its built-in node pools and `default` NodeClass launch with). */
export function autoModeNodeRoleName(clusterName: string): string {
  return `${clusterName}-auto-node`;
}

/** The pod execution role of one Fargate profile. */
export function podExecutionRoleName(clusterName: string, profileName: string): string {
  return `${clusterName}-fargate-${profileName}`;
}

/** The IAM role (and policy) of the AWS Load Balancer Controller's service account. */
export function lbControllerRoleName(clusterName: string): string {
  return `${clusterName}-lb-controller`;
}

/** The IAM role of the managed node groups' EC2 instances. */
export function nodeRoleName(clusterName: string): string {
  return `${clusterName}-nodes`;
}

/** The IAM role of the vpc-cni add-on's service account (IRSA), holding AmazonEKS_CNI_Policy. */
export function vpcCniRoleName(clusterName: string): string {
  return `${clusterName}-vpc-cni`;
}

/** The launch template of one managed node group. */
export function launchTemplateName(clusterName: string, nodeGroup: string): string {
  return `${clusterName}-${nodeGroup}`;
}

/** The IAM policy letting Fargate's log router write pod logs, attached to every pod execution role. */
export function fargateLoggingPolicyName(clusterName: string): string {
  return `${clusterName}-fargate-logging`;
}

/** The alias of the KMS key encrypting the cluster's Kubernetes secrets. */
export function secretsKeyAlias(clusterName: string): string {
  return `alias/eks/${clusterName}`;
}

/** Where EKS writes control-plane logs; EKS chooses this name, so it cannot be changed. */
export function controlPlaneLogGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/cluster`;
}

/** Where Fargate's Fluent Bit sends pod logs (the add-ons stack's aws-logging ConfigMap points here). */
export function fargateLogGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/fargate`;
}

/** Where Fargate sends Fluent Bit's own process logs when `flb_log_cw` is on; Fargate chooses this name. */
export function fluentBitProcessLogGroupName(clusterName: string): string {
  return `${clusterName}-fluent-bit-logs`;
}

/** Where VPC flow logs go. */
export function flowLogGroupName(clusterName: string): string {
  return `/aws/vpc/${clusterName}/flow-logs`;
}

/** The role VPC flow logs publish with (at most 40 + 14 characters, within IAM's 64). */
export function flowLogsRoleName(clusterName: string): string {
  return `${clusterName}-vpc-flow-logs`;
}

/** Alias of the KMS key encrypting the environment's log groups (the secrets key is alias/eks/<clusterName>). */
export function logsKeyAlias(clusterName: string): string {
  return `alias/${clusterName}/logs`;
}

/** The IAM role (and policy) of Karpenter's controller service account. */
export function karpenterControllerRoleName(clusterName: string): string {
  return `${clusterName}-karpenter`;
}

/** The IAM role of the nodes Karpenter launches (at most 40 + 15 characters, within IAM's 64). */
export function karpenterNodeRoleName(clusterName: string): string {
  return `${clusterName}-karpenter-node`;
}

/** The SQS queue Karpenter reads interruption events from (SQS names are unique per account and region). */
export function karpenterQueueName(clusterName: string): string {
  return `${clusterName}-karpenter`;
}

/** An EventBridge rule feeding Karpenter's queue, e.g. "spot" (EventBridge's limit: 64 characters). */
export function karpenterEventRuleName(clusterName: string, event: string): string {
  return `${clusterName}-karpenter-${event}`;
}

/** What an environment's IAM names depend on. */
export interface IamNamedEnvironment {
  /** EKS cluster name, prefix of its IAM names. */
  clusterName: string;
  /** Fargate profiles, whose pod execution roles are IAM roles. */
  cluster: { fargateProfiles: readonly { name: string }[] };
  /** Node groups, whose nodes share one IAM role; Karpenter's controller and nodes and Auto Mode's nodes, which have their own. */
  compute: {
    nodeGroups: readonly unknown[];
    karpenter: { enabled: boolean };
    autoMode: { enabled: boolean; nodePools: readonly unknown[] };
  };
}

/**
 * Every IAM name an environment creates. IAM names are unique per account, not per region, so two
 * environments in one account must not share any of them.
 */
export function accountWideNames(env: IamNamedEnvironment): string[] {
  const { clusterName } = env;
  const karpenterNames = [
    `role/${karpenterControllerRoleName(clusterName)}`,
    `policy/${karpenterControllerRoleName(clusterName)}`,
    `role/${karpenterNodeRoleName(clusterName)}`,
  ];
  return [
    `role/${clusterRoleName(clusterName)}`,
    ...env.cluster.fargateProfiles.map((profile) => `role/${podExecutionRoleName(clusterName, profile.name)}`),
    `role/${lbControllerRoleName(clusterName)}`,
    `policy/${lbControllerRoleName(clusterName)}`,
    `policy/${fargateLoggingPolicyName(clusterName)}`,
    `role/${flowLogsRoleName(clusterName)}`,
    ...(env.compute.nodeGroups.length > 0 ? [`role/${nodeRoleName(clusterName)}`] : []),
    `role/${vpcCniRoleName(clusterName)}`,
    ...(env.compute.karpenter.enabled ? karpenterNames : []),
    ...(env.compute.autoMode.enabled && env.compute.autoMode.nodePools.length > 0
      ? [`role/${autoModeNodeRoleName(clusterName)}`]
      : []),
  ];
}

/** One CloudWatch log group an environment creates, and which assumed volume (cost.logsGbPerMonth) it ingests. */
export interface EnvironmentLogGroup {
  /** The group's name. */
  name: string;
  /** What writes to it, as cost.logsGbPerMonth names the volume. */
  source: "flowLogs" | "controlPlane" | "fargatePods" | "fluentBitProcess";
}

/** What an environment's log groups and KMS keys depend on. */
export interface LoggedEnvironment {
  /** EKS cluster name, part of every log group's and key alias's name. */
  clusterName: string;
  /** VPC flow logs, whose group exists when they are on. */
  flowLogs: { enabled: boolean };
  /** Fluent Bit's process logs, whose group exists when they are shipped. */
  addons: { fluentBitProcessLogs: boolean };
}

/**
 * Every log group an environment's stacks create, in stack order: the network stack's flow logs, the
 * cluster stack's control plane and Fargate pod logs, the add-ons stack's Fluent Bit process logs.
 * The cost estimate prices exactly these (a test holds them to the synthesized stacks).
 */
export function environmentLogGroups(env: LoggedEnvironment): EnvironmentLogGroup[] {
  const { clusterName } = env;
  return [
    ...(env.flowLogs.enabled ? [{ name: flowLogGroupName(clusterName), source: "flowLogs" as const }] : []),
    { name: controlPlaneLogGroupName(clusterName), source: "controlPlane" },
    { name: fargateLogGroupName(clusterName), source: "fargatePods" },
    ...(env.addons.fluentBitProcessLogs
      ? [{ name: fluentBitProcessLogGroupName(clusterName), source: "fluentBitProcess" as const }]
      : []),
  ];
}

/** The aliases of every customer-managed KMS key an environment creates: the logs key and the secrets key. */
export function environmentKmsKeyAliases(env: Pick<LoggedEnvironment, "clusterName">): string[] {
  return [logsKeyAlias(env.clusterName), secretsKeyAlias(env.clusterName)];
}

/** A Terraform identifier for a name that may hold "-" (profile names, IAM names). */
export function terraformName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** A readable Terraform identifier for an IAM principal: `role/ops/admin` → `role_ops_admin`. */
export function principalTerraformName(principalArn: string): string {
  // arn:<partition>:iam::<account>:<resource>
  return terraformName(principalArn.split(":").slice(5).join(":"));
}
