import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { addonVersions } from "../modules/addons/versions";
import { clusterConnection } from "../modules/kubernetes/connection";
import { corednsConfigurationValues } from "../modules/addons/coredns-config";
import { EksAddon } from "../modules/addons/eks-addon";
import { FargateLogging } from "../modules/fargate/logging/config-map";
import { PlatformStack } from "./platform-stack";

/** `<env>-addons`: coredns on Fargate, vpc-cni, kube-proxy, and Fargate's Fluent Bit logging. */
export class AddonsStack extends PlatformStack<"addons"> {
  constructor(scope: Construct, env: Environment, cluster: PlatformStack<"cluster">) {
    super(scope, env, "addons");
    const upstream = this.upstream(cluster);
    const clusterName = upstream.string("cluster_name");

    const { host, clusterCaCertificate, exec } = clusterConnection({
      clusterName,
      endpoint: upstream.string("cluster_endpoint"),
      certificateAuthorityData: upstream.string("cluster_certificate_authority_data"),
      region: env.region,
    });
    new KubernetesProvider(this, "kubernetes", { host, clusterCaCertificate, exec: [exec] });

    const logging = new FargateLogging(this, "fargate_logging", {
      region: env.region,
      // The literal name, as the cluster stack's logging policy names the group.
      clusterName: env.clusterName,
      logGroupName: upstream.string("fargate_log_group_name"),
      fluentBitProcessLogs: env.addons.fluentBitProcessLogs,
      processLogRetentionDays: env.cluster.logRetentionDays,
    });

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

    this.output("coredns_version", coredns.addon.addonVersion, "Version of the coredns add-on");
    this.output("vpc_cni_version", vpcCni.addon.addonVersion, "Version of the vpc-cni add-on");
    this.output("kube_proxy_version", kubeProxy.addon.addonVersion, "Version of the kube-proxy add-on");
    this.output(
      "logging_namespace",
      logging.namespace.metadata.name,
      "Namespace holding Fargate's log router configuration",
    );
    this.output(
      "logging_config_map",
      `${logging.configMap.metadata.namespace}/${logging.configMap.metadata.name}`,
      "Fargate's log router ConfigMap, as namespace/name",
    );
  }
}
