import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { ClusterAdminAccess } from "../modules/cluster/admin-access";
import { clusterAdmins } from "../modules/cluster/admins";
import { DeployingIdentity } from "../modules/cluster/deploying-identity";
import { switchAutoModeOffWhereDeployed } from "../modules/cluster/auto-mode-off";
import { autoModeNodeRoleName } from "../modules/cluster/names";
import { AUTO_MODE_NODE_POLICIES, NodeRole } from "../modules/compute/node-role";
import { EksCluster } from "../modules/cluster/eks-cluster";
import { FargateLogDestination } from "../modules/fargate/logging/destination";
import { fargateProfileChain } from "../modules/fargate/profiles";
import { OidcProvider } from "../modules/cluster/oidc-provider";
import { UpgradeGuard } from "../modules/cluster/upgrade-guard";
import { PlatformStack } from "./platform-stack";

/** `<env>-cluster`: the EKS control plane, its identity and access, and the Fargate profiles. */
export class ClusterStack extends PlatformStack<"cluster"> {
  constructor(scope: Construct, env: Environment, networkStack: PlatformStack<"network">) {
    super(scope, env, "cluster");
    const network = this.upstream(networkStack);
    const settings = env.cluster;
    const privateSubnetIds = network.get("private_subnet_ids");

    const identity = new DeployingIdentity(this, "identity");
    const { autoMode } = env.compute;
    // EKS wants a node role only with built-in pools; custom pools use the `default` NodeClass, hence that role.
    const autoModeNodeRole =
      autoMode.enabled && autoMode.nodePools.length > 0
        ? new NodeRole(this, "auto_mode_node", {
            name: autoModeNodeRoleName(env.clusterName),
            description: `EKS Auto Mode nodes of ${env.clusterName}`,
            partition: identity.partition,
            managedPolicies: AUTO_MODE_NODE_POLICIES,
          })
        : undefined;
    const { cluster } = new EksCluster(this, "eks", {
      name: env.clusterName,
      kubernetesVersion: env.kubernetesVersion,
      subnetIds: privateSubnetIds,
      endpointAccess: settings.endpointAccess,
      publicAccessCidrs: settings.publicAccessCidrs,
      natEgressIps: network.get("nat_public_ips"),
      logTypes: settings.logTypes,
      logRetentionDays: settings.logRetentionDays,
      logsKmsKeyArn: network.get("logs_kms_key_arn"),
      supportType: settings.supportType,
      authenticationMode: settings.authenticationMode,
      accountId: identity.accountId,
      partition: identity.partition,
      autoMode: autoMode.enabled
        ? { nodePools: autoMode.nodePools, nodeRoleArn: autoModeNodeRole?.role.arn }
        : undefined,
    });
    const guard = new UpgradeGuard(this, "upgrade_guard", {
      cluster,
      clusterName: env.clusterName,
      kubernetesVersion: env.kubernetesVersion,
    });
    if (!autoMode.enabled) switchAutoModeOffWhereDeployed(cluster, guard.deployedAddress);

    const admins = clusterAdmins(env.account?.roleArn, settings.adminPrincipalArns, settings.keepFirstDeployerAccess);
    const firstDeployer = admins.find((admin) => "firstDeployer" in admin)?.terraformName;
    for (const admin of admins) {
      const first = "firstDeployer" in admin;
      new ClusterAdminAccess(this, `access_${admin.terraformName}`, {
        terraformName: admin.terraformName,
        principalArn: first ? identity.principalArn : admin.principalArn,
        keepFirstPrincipal: first,
        firstDeployerEntry: first ? undefined : firstDeployer,
        clusterName: cluster.name,
        partition: identity.partition,
      });
    }

    const issuerUrl = cluster.identity.get(0).oidc.get(0).issuer;
    const oidc = new OidcProvider(this, "oidc", {
      clusterName: env.clusterName,
      issuerUrl,
    });

    const logs = new FargateLogDestination(this, "fargate_logs", {
      clusterName: env.clusterName,
      retentionDays: settings.logRetentionDays,
      kmsKeyArn: network.get("logs_kms_key_arn"),
      fluentBitProcessLogs: env.addons.fluentBitProcessLogs,
      region: env.region,
      accountId: identity.accountId,
      partition: identity.partition,
    });

    const profiles = fargateProfileChain(this, {
      profiles: settings.fargateProfiles,
      clusterName: cluster.name,
      clusterNameLiteral: env.clusterName,
      subnetIds: privateSubnetIds,
      region: env.region,
      accountId: identity.accountId,
      partition: identity.partition,
      loggingPolicyArn: logs.policy.arn,
    });

    this.outputs({
      cluster_name: cluster.name,
      cluster_arn: cluster.arn,
      cluster_endpoint: cluster.endpoint,
      cluster_certificate_authority_data: cluster.certificateAuthority.get(0).data,
      cluster_version: cluster.version,
      cluster_security_group_id: cluster.vpcConfig.clusterSecurityGroupId,
      oidc_provider_arn: oidc.provider.arn,
      oidc_issuer_url: issuerUrl,
      fargate_profile_names: profiles.map((p) => p.profile.fargateProfileName),
      fargate_pod_execution_role_arns: profiles.map((p) => p.role.arn),
      fargate_log_group_name: logs.logGroup.name,
      configure_kubectl: `aws eks --region ${env.region} update-kubeconfig --name ${cluster.name}`,
    });
  }
}
