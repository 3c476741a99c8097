import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { addonVersions } from "../modules/addons/versions";
import { corednsConfigurationValues } from "../modules/addons/coredns-config";
import { EksAddon } from "../modules/addons/eks-addon";
import { vpcCniConfigurationValues } from "../modules/addons/vpc-cni-config";
import { metricsServerConfigurationValues } from "../modules/addons/metrics-server-config";
import { karpenterControllerRoleName, karpenterNodeRoleName, vpcCniRoleName } from "../modules/cluster/names";
import { KarpenterController } from "../modules/compute/karpenter/controller";
import { CurrentAccount } from "../modules/logging/account";
import { FargateLogging } from "../modules/fargate/logging/config-map";
import { PlatformStack } from "./platform-stack";

/**
 * `<env>-addons`: coredns on Fargate, vpc-cni (its IRSA role and prefix setting, before the first node
 * joins), kube-proxy, metrics-server on Fargate, Fargate's Fluent Bit logging, and Karpenter's controller
 * when the environment turns it on (its chart installs the CRDs the compute stack's node pools need, so
 * it comes a stack earlier). metrics-server runs in every environment, autoscaling or not: HPAs and
 * `kubectl top` need its Metrics API, and two of the smallest Fargate pods cost little next to an HPA
 * that silently never scales.
 */
export class AddonsStack extends PlatformStack<"addons"> {
  constructor(
    scope: Construct,
    env: Environment,
    upstreams: { network: PlatformStack<"network">; cluster: PlatformStack<"cluster"> },
  ) {
    super(scope, env, "addons");
    const network = this.upstream(upstreams.network);
    const cluster = this.upstream(upstreams.cluster);
    const karpenterOn = env.compute.karpenter.enabled;
    const { clusterName } = this.connectToCluster(cluster, karpenterOn ? ["kubernetes", "helm"] : ["kubernetes"]);

    const logging = new FargateLogging(this, "fargate_logging", {
      region: env.region,
      // The literal name, as the cluster stack's logging policy names the group.
      clusterName: env.clusterName,
      logGroupName: cluster.get("fargate_log_group_name"),
      fluentBitProcessLogs: env.addons.fluentBitProcessLogs,
      processLogRetentionDays: env.cluster.logRetentionDays,
      processLogKmsKeyArn: network.get("logs_kms_key_arn"),
    });

    // With Auto Mode on, the three stay: coredns serves the Fargate pods' DNS (Auto Mode's DNS runs on its own
    // nodes only), vpc-cni and kube-proxy serve managed node groups; from the versions the Auto Mode rules
    // require (environments/rules/auto-mode.ts) their DaemonSets skip Auto Mode's nodes, so nothing runs twice
    // (EKS user guide, auto-enable-existing.html, "Required add-on versions"; docs/auto-mode.md).
    const versions = addonVersions(env.kubernetesVersion, env.addons.versions);
    const coredns = new EksAddon(this, "addon_coredns", {
      clusterName,
      name: "coredns",
      version: versions.coredns,
      configurationValues: corednsConfigurationValues(),
      // coredns pods are the first on Fargate: with the ConfigMap in place they ship logs too.
      dependsOn: [logging.configMap],
    });
    // vpc-cni runs on nodes only (aws-node is a DaemonSet); it is configured here, before the compute
    // stack adds the first node, with its own IRSA role so the nodes' role needs no network permissions.
    const account = new CurrentAccount(this, "account");
    const vpcCni = new EksAddon(this, "addon_vpc_cni", {
      clusterName,
      name: "vpc-cni",
      version: versions["vpc-cni"],
      configurationValues: vpcCniConfigurationValues(env.compute.prefixDelegation),
      serviceAccountRole: {
        name: vpcCniRoleName(env.clusterName),
        oidcProviderArn: cluster.get("oidc_provider_arn"),
        oidcIssuerUrl: cluster.get("oidc_issuer_url"),
        namespace: "kube-system",
        serviceAccount: "aws-node",
        policy: { managedPolicyArn: `arn:${account.partition}:iam::aws:policy/AmazonEKS_CNI_Policy` },
      },
    });
    const kubeProxy = new EksAddon(this, "addon_kube_proxy", {
      clusterName,
      name: "kube-proxy",
      version: versions["kube-proxy"],
    });
    const metricsServer = new EksAddon(this, "addon_metrics_server", {
      clusterName,
      name: "metrics-server",
      version: versions["metrics-server"],
      configurationValues: metricsServerConfigurationValues(),
      // Fargate pods in kube-system, like coredns: with the ConfigMap in place they ship logs too.
      dependsOn: [logging.configMap],
    });

    const karpenter = karpenterOn
      ? (() => {
          return new KarpenterController(this, "karpenter", {
            // The literal name: it is part of the IAM policy's condition keys and of AWS names.
            clusterName: env.clusterName,
            clusterEndpoint: cluster.get("cluster_endpoint"),
            region: env.region,
            accountId: account.accountId,
            partition: account.partition,
            oidcProviderArn: cluster.get("oidc_provider_arn"),
            oidcIssuerUrl: cluster.get("oidc_issuer_url"),
            controllerRoleName: karpenterControllerRoleName(env.clusterName),
            nodeRoleName: karpenterNodeRoleName(env.clusterName),
            // Its pods resolve AWS endpoints through coredns, and ship logs once the ConfigMap exists.
            dependsOn: [coredns.addon, logging.configMap],
          });
        })()
      : undefined;

    this.outputs({
      coredns_version: coredns.addon.addonVersion,
      vpc_cni_version: vpcCni.addon.addonVersion,
      kube_proxy_version: kubeProxy.addon.addonVersion,
      metrics_server_version: metricsServer.addon.addonVersion,
      logging_namespace: logging.namespace.metadata.name,
      logging_config_map: `${logging.configMap.metadata.namespace}/${logging.configMap.metadata.name}`,
      karpenter_node_role_name: karpenter?.nodeRole.role.name ?? "",
      karpenter_controller_role_arn: karpenter?.irsa.role.arn ?? "",
      karpenter_interruption_queue_name: karpenter?.interruption.queue.name ?? "",
      karpenter_chart_version: karpenter?.release.version ?? "",
    });
  }
}
