import { describe, expect, it } from "vitest";
import { dev as devInput } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { FARGATE_LOGGING_ACTIONS } from "../../modules/fargate/logging/policy";
import { outputNames } from "../../stacks/contract";
import { synthesize, synthesizedProject, TEST_TODAY } from "../support/synth";

const synth = synthesizedProject();
const dev = synth.stack("dev-cluster");
const prod = synth.stack("prod-cluster");

// Variants of dev, synthesized together: a private endpoint, a restricted public-only endpoint,
// extra admins, and three profiles with labels; admins replacing the first deployer; a deploy role that is
// also listed as an admin.
const variant = (name: string, cluster: Record<string, unknown>, clusterName = `${name}-fargate`) => ({
  ...devInput,
  name,
  clusterName,
  cluster: { ...devInput.cluster, ...cluster },
});
const loaded = loadEnvironments(
  [
    variant("priv", { endpointAccess: "private" }),
    variant("pub", { endpointAccess: "public", publicAccessCidrs: ["1.2.3.0/24"], supportType: "STANDARD" }),
    variant("admins", {
      authenticationMode: "API_AND_CONFIG_MAP",
      adminPrincipalArns: ["arn:aws:iam::123456789012:role/ops/platform-admin", "arn:aws:iam::123456789012:user/alice"],
      fargateProfiles: [
        { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
        { name: "batch", selectors: [{ namespace: "batch", labels: { "app.kubernetes.io/part-of": "etl" } }] },
        { name: "study-wildcard", selectors: [{ namespace: "study-*" }, { namespace: "demo-?" }] },
      ],
    }),
    variant("handover", {
      adminPrincipalArns: ["arn:aws:iam::123456789012:user/alice"],
      keepFirstDeployerAccess: false,
    }),
    {
      ...variant("deployrole", {
        adminPrincipalArns: [
          "arn:aws:iam::123456789012:role/ops/platform-admin",
          "arn:aws:iam::123456789012:user/alice",
        ],
      }),
      account: { id: "123456789012", roleArn: "arn:aws:iam::123456789012:role/ops/platform-admin" },
    },
  ],
  TEST_TODAY,
);
const variants = synthesize(loaded.environments);

const policy = (text: string) => JSON.parse(text);

describe("cluster stack", () => {
  it("reads the network stack's named outputs from its remote state", () => {
    expect(dev.data.terraform_remote_state.network).toEqual({
      backend: "local",
      config: { path: "../../../state/dev/network.tfstate" },
    });
    expect(prod.data.terraform_remote_state.network).toMatchObject({
      backend: "s3",
      config: { bucket: "example-platform-terraform-state", key: "eks-fargate/prod/network.tfstate" },
    });
    const subnets = "${data.terraform_remote_state.network.outputs.private_subnet_ids}";
    expect(dev.resource.aws_eks_cluster.cluster.vpc_config.subnet_ids).toBe(subnets);
    for (const profile of Object.values(dev.resource.aws_eks_fargate_profile)) {
      expect((profile as { subnet_ids: string }).subnet_ids).toBe(subnets);
    }
  });

  it("creates the cluster with the environment's name, version and log types, after its log group and policies", () => {
    expect(dev.resource.aws_eks_cluster.cluster).toMatchObject({
      name: "dev-fargate",
      version: "1.35",
      role_arn: "${aws_iam_role.cluster.arn}",
      enabled_cluster_log_types: ["api", "audit", "authenticator"],
      depends_on: [
        "aws_cloudwatch_log_group.control_plane",
        "aws_iam_role_policy_attachment.cluster_policy",
        "aws_iam_role_policy_attachment.cluster_vpc_resource_controller",
      ],
    });
    expect(dev.resource.aws_cloudwatch_log_group.control_plane).toMatchObject({
      name: "/aws/eks/dev-fargate/cluster",
      retention_in_days: 90,
    });
    expect(prod.resource.aws_cloudwatch_log_group.control_plane.retention_in_days).toBe(365);
  });

  it("encrypts the control-plane and Fargate pod log groups with the network stack's logs key", () => {
    const key = "${data.terraform_remote_state.network.outputs.logs_kms_key_arn}";
    expect(dev.resource.aws_cloudwatch_log_group.control_plane.kms_key_id).toBe(key);
    expect(dev.resource.aws_cloudwatch_log_group.fargate_pods.kms_key_id).toBe(key);
    // Writers need no KMS permission: CloudWatch Logs uses the key itself.
    expect(dev.resource.aws_iam_policy.fargate_logging.policy).not.toContain("kms:");
  });

  it("gives the cluster a role EKS can assume, with the cluster and VPC resource controller policies", () => {
    const role = dev.resource.aws_iam_role.cluster;
    expect(role.name).toBe("dev-fargate-cluster");
    expect(policy(role.assume_role_policy).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const attachments = dev.resource.aws_iam_role_policy_attachment;
    expect(attachments.cluster_policy).toMatchObject({
      role: "${aws_iam_role.cluster.name}",
      policy_arn: "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSClusterPolicy",
    });
    expect(attachments.cluster_vpc_resource_controller.policy_arn).toMatch(/:policy\/AmazonEKSVPCResourceController$/);
  });

  it("encrypts secrets with a rotating KMS key whose policy allows only the account and the cluster role", () => {
    const key = dev.resource.aws_kms_key.cluster_secrets;
    expect(key.enable_key_rotation).toBe(true);
    expect(policy(key.policy).Statement).toEqual([
      {
        Sid: "AccountAdministersThroughIam",
        Effect: "Allow",
        Principal: {
          AWS: "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root",
        },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "ClusterRoleUse",
        Effect: "Allow",
        Principal: { AWS: "${aws_iam_role.cluster.arn}" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
        Resource: "*",
      },
    ]);
    expect(dev.resource.aws_kms_alias.cluster_secrets).toMatchObject({
      name: "alias/eks/dev-fargate",
      target_key_id: "${aws_kms_key.cluster_secrets.key_id}",
    });
    expect(dev.resource.aws_eks_cluster.cluster.encryption_config).toEqual({
      provider: { key_arn: "${aws_kms_key.cluster_secrets.arn}" },
      resources: ["secrets"],
    });
  });

  it("opens public and private endpoints in dev (anywhere) and prod (listed CIDRs)", () => {
    expect(dev.resource.aws_eks_cluster.cluster.vpc_config).toMatchObject({
      endpoint_public_access: true,
      endpoint_private_access: true,
      public_access_cidrs: ["0.0.0.0/0"],
    });
    expect(prod.resource.aws_eks_cluster.cluster.vpc_config).toMatchObject({
      endpoint_public_access: true,
      endpoint_private_access: true,
      public_access_cidrs: ["1.2.3.0/24"],
    });
  });

  it("closes the public endpoint when private, and notes that deploys must run inside the VPC", () => {
    const config = variants.stack("priv-cluster").resource.aws_eks_cluster.cluster.vpc_config;
    expect(config).toMatchObject({ endpoint_public_access: false, endpoint_private_access: true });
    expect(config).not.toHaveProperty("public_access_cidrs");
    // Only the private environment gets the note, from the loader before synthesis.
    expect(loaded.warnings.filter((w) => w.includes("private-only"))).toEqual([
      'Environment "priv" has a private-only Kubernetes API endpoint, so the addons, lb-controller and ' +
        "workloads stacks must be deployed from inside the VPC (or a network connected to it).",
    ]);
  });

  it("adds the NAT addresses to a restricted public-only endpoint, so Fargate pods reach the API", () => {
    expect(variants.stack("pub-cluster").resource.aws_eks_cluster.cluster.vpc_config).toMatchObject({
      endpoint_public_access: true,
      endpoint_private_access: false,
      public_access_cidrs:
        '${concat(["1.2.3.0/24"], formatlist("%s/32", data.terraform_remote_state.network.outputs.nat_public_ips))}',
    });
  });

  it("keeps EKS's extended support unless the environment opts into automatic upgrades", () => {
    expect(dev.resource.aws_eks_cluster.cluster.upgrade_policy).toEqual({ support_type: "EXTENDED" });
    expect(variants.stack("pub-cluster").resource.aws_eks_cluster.cluster.upgrade_policy).toEqual({
      support_type: "STANDARD",
    });
  });

  it("manages access entries only: none bootstrapped; without a deploy role or admins, the first deployer's role keeps cluster admin", () => {
    expect(dev.resource.aws_eks_cluster.cluster.access_config).toEqual({
      authentication_mode: "API",
      bootstrap_cluster_creator_admin_permissions: false,
    });
    // An assumed-role caller is resolved to its IAM role.
    expect(dev.data.aws_iam_session_context.current.arn).toBe("${data.aws_caller_identity.current.arn}");
    expect(Object.keys(dev.resource.aws_eks_access_entry)).toEqual(["deployer"]);
    const { "//": _metadata, ...deployer } = dev.resource.aws_eks_access_entry.deployer;
    expect(deployer).toEqual({
      cluster_name: "${aws_eks_cluster.cluster.name}",
      principal_arn: "${data.aws_iam_session_context.current.issuer_arn}",
      type: "STANDARD",
      // A teammate's plan resolves another role here: the entry keeps the one it was created with.
      lifecycle: { ignore_changes: ["principal_arn"] },
    });
    expect(dev.resource.aws_eks_access_policy_association.deployer_cluster_admin).toMatchObject({
      cluster_name: "${aws_eks_access_entry.deployer.cluster_name}",
      principal_arn: "${aws_eks_access_entry.deployer.principal_arn}",
      policy_arn:
        "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
      access_scope: { type: "cluster" },
    });
  });

  it("gives the environment's deploy role cluster admin by its ARN, the same whoever plans (prod)", () => {
    expect(Object.keys(prod.resource.aws_eks_access_entry)).toEqual(["deployer"]);
    const { "//": _metadata, ...deployer } = prod.resource.aws_eks_access_entry.deployer;
    expect(deployer).toEqual({
      cluster_name: "${aws_eks_cluster.cluster.name}",
      principal_arn: "arn:aws:iam::123456789012:role/platform-deploy",
      type: "STANDARD",
    });
  });

  it("keeps the first deployer's entry when admins are listed without a deploy role, and refuses listing it twice", () => {
    const stack = variants.stack("admins-cluster");
    expect(stack.resource.aws_eks_cluster.cluster.access_config.authentication_mode).toBe("API_AND_CONFIG_MAP");
    expect(Object.keys(stack.resource.aws_eks_access_entry)).toEqual([
      "admin_role_ops_platform_admin",
      "admin_user_alice",
      "deployer",
    ]);
    expect(stack.resource.aws_eks_access_entry.deployer.lifecycle).toEqual({ ignore_changes: ["principal_arn"] });
    expect(stack.resource.aws_eks_access_entry.admin_role_ops_platform_admin.principal_arn).toBe(
      "arn:aws:iam::123456789012:role/ops/platform-admin",
    );
    // EKS refuses a second entry for one principal; the plan says so before anything changes.
    const [precondition] = stack.resource.aws_eks_access_entry.admin_user_alice.lifecycle.precondition;
    expect(precondition.condition).toBe(
      '${aws_eks_access_entry.deployer.principal_arn != "arn:aws:iam::123456789012:user/alice"}',
    );
    expect(precondition.error_message).toMatch(
      /^arn:aws:iam::123456789012:user\/alice already has cluster-admin as the identity that first deployed the cluster \(access entry "deployer"\), and EKS allows one access entry per principal: remove it from cluster.adminPrincipalArns/,
    );
    expect(stack.resource.aws_eks_access_policy_association.admin_user_alice_cluster_admin).toMatchObject({
      principal_arn: "${aws_eks_access_entry.admin_user_alice.principal_arn}",
      access_scope: { type: "cluster" },
    });
  });

  it("gives exactly the listed admins cluster admin when the environment drops the first deployer, the deploy role once when listed too", () => {
    const handover = variants.stack("handover-cluster").resource.aws_eks_access_entry;
    expect(Object.keys(handover)).toEqual(["admin_user_alice"]);
    expect(handover.admin_user_alice).not.toHaveProperty("lifecycle");
    const withRole = variants.stack("deployrole-cluster").resource.aws_eks_access_entry;
    expect(Object.keys(withRole)).toEqual(["admin_user_alice", "deployer"]);
    expect(withRole.deployer.principal_arn).toBe("arn:aws:iam::123456789012:role/ops/platform-admin");
  });

  it("creates the IRSA OIDC provider for the cluster's issuer with client id sts.amazonaws.com", () => {
    expect(dev.resource.aws_iam_openid_connect_provider.cluster).toMatchObject({
      url: "${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}",
      client_id_list: ["sts.amazonaws.com"],
    });
    expect(dev.resource.aws_iam_openid_connect_provider.cluster).not.toHaveProperty("thumbprint_list");
  });

  it("creates the environment's Fargate profiles with their selectors, one after another", () => {
    const profiles = variants.stack("admins-cluster").resource.aws_eks_fargate_profile;
    expect(Object.keys(profiles)).toEqual(["batch", "kube_system", "study_wildcard"]);
    expect(profiles.kube_system).toMatchObject({
      cluster_name: "${aws_eks_cluster.cluster.name}",
      fargate_profile_name: "kube-system",
      pod_execution_role_arn: "${aws_iam_role.fargate_kube_system.arn}",
      selector: [{ namespace: "kube-system" }],
    });
    expect(profiles.batch.selector).toEqual([{ namespace: "batch", labels: { "app.kubernetes.io/part-of": "etl" } }]);
    expect(profiles.study_wildcard.selector).toEqual([{ namespace: "study-*" }, { namespace: "demo-?" }]);
    // Environment order: each waits for the one before it, and for its own role's policies.
    expect(profiles.kube_system.depends_on).toEqual([
      "aws_iam_role_policy_attachment.fargate_kube_system_execution",
      "aws_iam_role_policy_attachment.fargate_kube_system_logging",
    ]);
    expect(profiles.batch.depends_on).toContain("aws_eks_fargate_profile.kube_system");
    expect(profiles.study_wildcard.depends_on).toContain("aws_eks_fargate_profile.batch");
    expect(profiles.study_wildcard.depends_on).not.toContain("aws_eks_fargate_profile.kube_system");
  });

  it("gives each profile its own pod execution role, trusted by Fargate for this cluster's profiles only", () => {
    const roles = dev.resource.aws_iam_role;
    expect(roles.fargate_kube_system.name).toBe("dev-fargate-fargate-kube-system");
    expect(roles.fargate_study_wildcard.name).toBe("dev-fargate-fargate-study-wildcard");
    expect(policy(roles.fargate_study_wildcard.assume_role_policy).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "eks-fargate-pods.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          ArnLike: {
            "aws:SourceArn":
              "arn:${data.aws_partition.current.partition}:eks:ap-northeast-2:${data.aws_caller_identity.current.account_id}:fargateprofile/${aws_eks_cluster.cluster.name}/*",
          },
        },
      },
    ]);
    const attachments = dev.resource.aws_iam_role_policy_attachment;
    for (const profile of ["kube_system", "study_wildcard"]) {
      expect(attachments[`fargate_${profile}_execution`]).toEqual(
        expect.objectContaining({
          role: `\${aws_iam_role.fargate_${profile}.name}`,
          policy_arn:
            "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy",
        }),
      );
    }
  });

  it("creates the pod log group and a logging policy limited to it, attached to every pod execution role", () => {
    expect(prod.resource.aws_cloudwatch_log_group.fargate_pods).toMatchObject({
      name: "/aws/eks/prod-fargate/fargate",
      retention_in_days: 365,
    });
    const statement = policy(prod.resource.aws_iam_policy.fargate_logging.policy).Statement;
    expect(statement).toEqual([
      {
        Sid: "FargateLogRouter",
        Effect: "Allow",
        // The action list itself is asserted in fargate-logging-policy.test.ts.
        Action: [...FARGATE_LOGGING_ACTIONS],
        Resource: ["${aws_cloudwatch_log_group.fargate_pods.arn}", "${aws_cloudwatch_log_group.fargate_pods.arn}:*"],
      },
    ]);
    const attachments = prod.resource.aws_iam_role_policy_attachment;
    const profileRoles = Object.keys(prod.resource.aws_iam_role).filter((r) => r.startsWith("fargate_"));
    expect(profileRoles).toEqual(["fargate_apps", "fargate_kube_system"]);
    for (const role of profileRoles) {
      expect(attachments[`${role}_logging`]).toEqual(
        expect.objectContaining({
          role: `\${aws_iam_role.${role}.name}`,
          policy_arn: "${aws_iam_policy.fargate_logging.arn}",
        }),
      );
    }
  });

  it("also lets the log router write Fluent Bit's process logs where the environment ships them (dev)", () => {
    const resources = policy(dev.resource.aws_iam_policy.fargate_logging.policy).Statement[0].Resource;
    const processLogs =
      "arn:${data.aws_partition.current.partition}:logs:ap-northeast-2:${data.aws_caller_identity.current.account_id}:log-group:dev-fargate-fluent-bit-logs";
    expect(resources).toEqual([
      "${aws_cloudwatch_log_group.fargate_pods.arn}",
      "${aws_cloudwatch_log_group.fargate_pods.arn}:*",
      processLogs,
      `${processLogs}:*`,
    ]);
  });

  it("uses fixed IAM names within IAM's limits, and no usage-telemetry resources", () => {
    for (const stack of [dev, prod]) {
      for (const role of Object.values(stack.resource.aws_iam_role) as { name: string; name_prefix?: string }[]) {
        expect(role.name.length).toBeLessThanOrEqual(64);
        expect(role).not.toHaveProperty("name_prefix");
      }
      expect(stack.resource).not.toHaveProperty("aws_cloudformation_stack");
      expect(Object.keys(stack.resource).every((type) => type.startsWith("aws_"))).toBe(true);
    }
  });

  it("declares exactly the contract's named outputs", () => {
    expect(Object.keys(dev.output).sort()).toEqual(outputNames("cluster").sort());
    const value = (name: string) => dev.output[name].value;
    expect(value("cluster_name")).toBe("${aws_eks_cluster.cluster.name}");
    expect(value("cluster_endpoint")).toBe("${aws_eks_cluster.cluster.endpoint}");
    expect(value("cluster_certificate_authority_data")).toBe(
      "${aws_eks_cluster.cluster.certificate_authority[0].data}",
    );
    expect(value("cluster_security_group_id")).toBe(
      "${aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id}",
    );
    expect(value("oidc_provider_arn")).toBe("${aws_iam_openid_connect_provider.cluster.arn}");
    expect(value("oidc_issuer_url")).toBe("${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}");
    expect(value("fargate_profile_names")).toEqual([
      "${aws_eks_fargate_profile.kube_system.fargate_profile_name}",
      "${aws_eks_fargate_profile.study_wildcard.fargate_profile_name}",
    ]);
    expect(value("fargate_pod_execution_role_arns")).toEqual([
      "${aws_iam_role.fargate_kube_system.arn}",
      "${aws_iam_role.fargate_study_wildcard.arn}",
    ]);
    // The add-ons stack's aws-logging ConfigMap sends pod logs to this group.
    expect(value("fargate_log_group_name")).toBe("${aws_cloudwatch_log_group.fargate_pods.name}");
    expect(value("configure_kubectl")).toBe(
      "aws eks --region ap-northeast-2 update-kubeconfig --name ${aws_eks_cluster.cluster.name}",
    );
    expect(Object.values(dev.output).some((o) => (o as { sensitive?: boolean }).sensitive)).toBe(false);
  });
});
