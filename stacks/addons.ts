import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { addonVersions } from "../modules/addons/versions";
import { corednsConfigurationValues } from "../modules/addons/coredns-config";
import { EksAddon } from "../modules/addons/eks-addon";
import { FargateLogging } from "../modules/fargate/logging/config-map";
import { PlatformStack } from "./platform-stack";

/** `<env>-addons`: coredns on Fargate, vpc-cni, kube-proxy, and Fargate's Fluent Bit logging. */
export class AddonsStack extends PlatformStack<"addons"> {
  constructor(
    scope: Construct,
    env: Environment,
    upstreams: { network: PlatformStack<"network">; cluster: PlatformStack<"cluster"> },
  ) {
    super(scope, env, "addons");
    const network = this.upstream(upstreams.network);
    const cluster = this.upstream(upstreams.cluster);
    const { clusterName } = this.connectToCluster(cluster, ["kubernetes"]);

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
    const vpcCni = new EksAddon(this, "addon_vpc_cni", { clusterName, name: "vpc-cni", version: versions["vpc-cni"] });
    const kubeProxy = new EksAddon(this, "addon_kube_proxy", {
      clusterName,
      name: "kube-proxy",
      version: versions["kube-proxy"],
    });

    this.outputs({
      coredns_version: coredns.addon.addonVersion,
      vpc_cni_version: vpcCni.addon.addonVersion,
      kube_proxy_version: kubeProxy.addon.addonVersion,
      logging_namespace: logging.namespace.metadata.name,
      logging_config_map: `${logging.configMap.metadata.namespace}/${logging.configMap.metadata.name}`,
    });
  }
}
