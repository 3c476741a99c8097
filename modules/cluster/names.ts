// Physical names (what AWS knows a resource by: IAM roles and policies, log groups, KMS aliases) and
// Terraform addresses, for every stack: fixed and readable, never random suffixes, so a name in the
// console leads straight back to its environment. Name tags are composed by the construct that owns them.

/** IAM's limit on role names. */
export const IAM_ROLE_NAME_LIMIT = 64;

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

/**
 * Every IAM name an environment creates. IAM names are unique per account, not per region, so two
 * environments in one account must not share any of them.
 */
export function accountWideNames(clusterName: string, profileNames: readonly string[]): string[] {
  return [
    `role/${clusterRoleName(clusterName)}`,
    ...profileNames.map((profile) => `role/${podExecutionRoleName(clusterName, profile)}`),
    `role/${lbControllerRoleName(clusterName)}`,
    `policy/${lbControllerRoleName(clusterName)}`,
    `policy/${fargateLoggingPolicyName(clusterName)}`,
    `role/${flowLogsRoleName(clusterName)}`,
  ];
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
