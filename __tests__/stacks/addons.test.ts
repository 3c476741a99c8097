import { describe, expect, it } from "vitest";
import { ADDON_NAMES, KNOWN_GOOD_ADDON_VERSIONS } from "../../modules/addons/versions";
import { karpenterControllerRoleName, karpenterNodeRoleName } from "../../modules/cluster/names";
import { outputNames, stackId } from "../../stacks/contract";
import { karpenterEnvironment } from "../support/environments";
import { projectEnvironment, projectEnvironments, synthesize, synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const dev = synth.stack("dev-addons");
const prod = synth.stack("prod-addons");
const cluster = (output: string) => `\${data.terraform_remote_state.cluster.outputs.${output}}`;

describe("addons stack", () => {
  it("reads the cluster stack's outputs from its state", () => {
    expect(dev.data.terraform_remote_state.cluster).toEqual({
      backend: "local",
      config: { path: "../../../state/dev/cluster.tfstate" },
    });
    expect(prod.data.terraform_remote_state.cluster.config).toMatchObject({
      bucket: "example-platform-terraform-state",
      key: "eks-fargate/prod/cluster.tfstate",
    });
  });

  it("authenticates the kubernetes provider with aws eks get-token, never a stored token", () => {
    expect(dev.provider.kubernetes).toEqual([
      {
        host: cluster("cluster_endpoint"),
        cluster_ca_certificate: `\${base64decode(data.terraform_remote_state.cluster.outputs.cluster_certificate_authority_data)}`,
        exec: [
          {
            api_version: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", cluster("cluster_name"), "--region", "ap-northeast-2"],
          },
        ],
      },
    ]);
  });

  it("installs every add-on of the table (coredns, vpc-cni, kube-proxy, metrics-server) at the table's versions for 1.35", () => {
    const addons = dev.resource.aws_eks_addon;
    expect(ADDON_NAMES).toEqual(expect.arrayContaining(["coredns", "vpc-cni", "kube-proxy", "metrics-server"]));
    expect(Object.keys(addons).sort()).toEqual(ADDON_NAMES.map((n) => n.replace(/-/g, "_")).sort());
    const known = KNOWN_GOOD_ADDON_VERSIONS["1.35"];
    for (const name of ADDON_NAMES) {
      const address = name.replace(/-/g, "_");
      expect(addons[address], address).toMatchObject({
        addon_name: name,
        addon_version: known[name],
        cluster_name: cluster("cluster_name"),
        resolve_conflicts_on_create: "OVERWRITE",
        resolve_conflicts_on_update: "OVERWRITE",
        preserve: true,
      });
    }
  });

  it("configures coredns and metrics-server for Fargate at the smallest size, and vpc-cni's prefix delegation as the environment says", () => {
    const addons = dev.resource.aws_eks_addon;
    expect(JSON.parse(addons.coredns.configuration_values)).toEqual({
      computeType: "Fargate",
      resources: { limits: { cpu: "0.25", memory: "256M" }, requests: { cpu: "0.25", memory: "256M" } },
    });
    expect(JSON.parse(addons.metrics_server.configuration_values)).toEqual({
      containerPort: 10251,
      replicas: 2,
      resources: { limits: { cpu: "0.25", memory: "256M" }, requests: { cpu: "0.25", memory: "256M" } },
    });
    expect(addons.kube_proxy.configuration_values).toBeUndefined();
    for (const env of projectEnvironments()) {
      const vpcCni = synth.stack(`${env.name}-addons`).resource.aws_eks_addon.vpc_cni;
      const expected = env.compute.prefixDelegation
        ? { ENABLE_PREFIX_DELEGATION: "true", WARM_PREFIX_TARGET: "1" }
        : { ENABLE_PREFIX_DELEGATION: "false" };
      expect(JSON.parse(vpcCni.configuration_values), env.name).toEqual({ env: expected });
    }
  });

  it("gives vpc-cni an IRSA role for aws-node holding AmazonEKS_CNI_Policy, so the nodes' role needs none", () => {
    const { aws_iam_role: roles, aws_iam_role_policy_attachment: attachments } = dev.resource;
    expect(dev.resource.aws_eks_addon.vpc_cni.service_account_role_arn).toBe("${aws_iam_role.vpc_cni.arn}");
    expect(roles.vpc_cni.name).toBe("dev-fargate-vpc-cni");
    const trust = JSON.parse(roles.vpc_cni.assume_role_policy).Statement[0];
    expect(Object.values(trust.Condition.StringEquals)).toContain("system:serviceaccount:kube-system:aws-node");
    expect(trust.Principal.Federated).toBe(cluster("oidc_provider_arn"));
    expect(attachments.vpc_cni.policy_arn).toBe(
      "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKS_CNI_Policy",
    );
    expect(dev.resource.aws_iam_policy).toBeUndefined();
  });

  it("creates coredns and metrics-server after the logging ConfigMap, so their Fargate pods ship logs", () => {
    expect(dev.resource.aws_eks_addon.coredns.depends_on).toEqual(["kubernetes_config_map_v1.aws_logging"]);
    expect(dev.resource.aws_eks_addon.metrics_server.depends_on).toEqual(["kubernetes_config_map_v1.aws_logging"]);
  });

  it("creates the aws-observability namespace with the label Fargate looks for", () => {
    expect(dev.resource.kubernetes_namespace_v1.aws_observability.metadata).toEqual({
      name: "aws-observability",
      labels: { "aws-observability": "enabled" },
    });
  });

  it("creates the aws-logging ConfigMap there, shipping kube.* to the cluster stack's log group in the region", () => {
    const configMap = dev.resource.kubernetes_config_map_v1.aws_logging;
    expect(configMap.metadata).toEqual({
      name: "aws-logging",
      namespace: "${kubernetes_namespace_v1.aws_observability.metadata[0].name}",
    });
    expect(Object.keys(configMap.data).sort()).toEqual(["filters.conf", "flb_log_cw", "output.conf", "parsers.conf"]);
    expect(configMap.data["output.conf"]).toContain(
      `  Match kube.*\n  region ap-northeast-2\n  log_group_name ${cluster("fargate_log_group_name")}\n`,
    );
  });

  it("ships Fluent Bit's process logs where the environment asks, into a group with the environment's retention", () => {
    expect(dev.resource.kubernetes_config_map_v1.aws_logging.data.flb_log_cw).toBe("true");
    expect(dev.resource.aws_cloudwatch_log_group.fluent_bit_process_logs).toMatchObject({
      name: "dev-fargate-fluent-bit-logs",
      retention_in_days: 90,
      // Encrypted with the network stack's logs key, read from its state.
      kms_key_id: "${data.terraform_remote_state.network.outputs.logs_kms_key_arn}",
    });
    expect(dev.data.terraform_remote_state.network.config).toEqual({ path: "../../../state/dev/network.tfstate" });
    // The group exists before any pod reads the ConfigMap, so Fargate never creates it without retention.
    expect(dev.resource.kubernetes_config_map_v1.aws_logging.depends_on).toEqual([
      "aws_cloudwatch_log_group.fluent_bit_process_logs",
    ]);

    // The pod execution roles may write there: the cluster stack's logging policy names the same group.
    const policy = synth.stack("dev-cluster").resource.aws_iam_policy.fargate_logging.policy;
    expect(policy).toContain(":log-group:dev-fargate-fluent-bit-logs:*");

    expect(prod.resource.kubernetes_config_map_v1.aws_logging.data.flb_log_cw).toBe("false");
    expect(prod.resource.aws_cloudwatch_log_group).toBeUndefined();
    expect(prod.resource.kubernetes_config_map_v1.aws_logging.depends_on).toBeUndefined();
  });

  it("declares exactly the contract's outputs, read from the resources", () => {
    expect(Object.keys(dev.output).sort()).toEqual(outputNames("addons").sort());
    expect(dev.output.coredns_version.value).toBe("${aws_eks_addon.coredns.addon_version}");
    expect(dev.output.vpc_cni_version.value).toBe("${aws_eks_addon.vpc_cni.addon_version}");
    expect(dev.output.kube_proxy_version.value).toBe("${aws_eks_addon.kube_proxy.addon_version}");
    expect(dev.output.metrics_server_version.value).toBe("${aws_eks_addon.metrics_server.addon_version}");
    expect(dev.output.logging_namespace.value).toBe("${kubernetes_namespace_v1.aws_observability.metadata[0].name}");
    expect(dev.output.logging_config_map.value).toBe(
      "${kubernetes_config_map_v1.aws_logging.metadata[0].namespace}/${kubernetes_config_map_v1.aws_logging.metadata[0].name}",
    );
  });

  it("uses an environment's version overrides and the table row of its Kubernetes version", () => {
    const base = projectEnvironment("dev");
    const env = {
      ...base,
      kubernetesVersion: "1.32",
      addons: { ...base.addons, versions: { coredns: "v1.11.4-eksbuild.2" } },
    };
    const addons = synthesize([env]).stack("dev-addons").resource.aws_eks_addon;
    expect(addons.coredns.addon_version).toBe("v1.11.4-eksbuild.2");
    expect(addons.vpc_cni.addon_version).toBe(KNOWN_GOOD_ADDON_VERSIONS["1.32"]["vpc-cni"]);
    expect(addons.kube_proxy.addon_version).toBe(KNOWN_GOOD_ADDON_VERSIONS["1.32"]["kube-proxy"]);
  });
});

describe("addons stack with Karpenter", () => {
  const env = karpenterEnvironment();
  const stack = synthesize([env]).stack(stackId(env.name, "addons"));

  it("installs nothing of Karpenter and outputs empty names where it is off", () => {
    expect(dev.resource.helm_release).toBeUndefined();
    expect(dev.resource.aws_sqs_queue).toBeUndefined();
    expect(dev.provider.helm).toBeUndefined();
    for (const name of outputNames("addons").filter((n) => n.startsWith("karpenter_"))) {
      expect(dev.output[name].value, name).toBe("");
    }
  });

  it("installs the controller's release after coredns and the logging ConfigMap, with a helm provider", () => {
    expect(stack.resource.helm_release.karpenter.depends_on).toEqual(
      expect.arrayContaining(["aws_eks_addon.coredns", "kubernetes_config_map_v1.aws_logging"]),
    );
    expect(stack.provider.helm).toHaveLength(1);
  });

  it("names Karpenter's AWS resources after the cluster, and scopes the policy to it and this account", () => {
    expect(stack.resource.aws_iam_role.karpenter.name).toBe(karpenterControllerRoleName(env.clusterName));
    expect(stack.resource.aws_iam_role.karpenter_node.name).toBe(karpenterNodeRoleName(env.clusterName));
    expect(stack.resource.aws_sqs_queue.karpenter.name).toBe(`${env.clusterName}-karpenter`);
    const policy = stack.resource.aws_iam_policy.karpenter.policy;
    expect(policy).toContain(`aws:ResourceTag/kubernetes.io/cluster/${env.clusterName}`);
    expect(policy).toContain(
      `arn:\${data.aws_partition.current.partition}:eks:${env.region}:\${data.aws_caller_identity.current.account_id}:cluster/${env.clusterName}`,
    );
  });

  it("trusts the cluster stack's OIDC provider for the controller's service account", () => {
    const trust = JSON.parse(stack.resource.aws_iam_role.karpenter.assume_role_policy);
    expect(trust.Statement[0].Principal.Federated).toBe(cluster("oidc_provider_arn"));
    expect(stack.locals.karpenter_oidc_issuer).toBe(
      `\${replace(${cluster("oidc_issuer_url").slice(2, -1)}, "https://", "")}`,
    );
  });

  it("outputs the node role's name for the compute stack's EC2NodeClass", () => {
    expect(stack.output.karpenter_node_role_name.value).toBe("${aws_iam_role.karpenter_node.name}");
    expect(stack.output.karpenter_interruption_queue_name.value).toBe("${aws_sqs_queue.karpenter.name}");
    expect(stack.output.karpenter_controller_role_arn.value).toBe("${aws_iam_role.karpenter.arn}");
    expect(stack.output.karpenter_chart_version.value).toBe("${helm_release.karpenter.version}");
  });
});
