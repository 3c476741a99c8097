import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { IrsaRole } from "../../irsa/role";
import { HelmRelease, type VendoredChart } from "../../kubernetes/helm-release";
import { karpenterControllerPolicy } from "./controller-policy";
import { InterruptionQueue } from "./interruption-queue";
import { KarpenterNodeRole } from "./node-role";
import { karpenterValues } from "./values";

/** Namespace of the controller: a Fargate profile must select it (the controller runs on Fargate). */
export const KARPENTER_NAMESPACE = "karpenter";

/** The service account the chart creates; the IRSA role trusts exactly this name. */
export const KARPENTER_SERVICE_ACCOUNT = "karpenter";

/** The pinned chart; vendor/karpenter holds its Chart.yaml and values.yaml. */
export const KARPENTER_CHART = {
  name: "karpenter",
  repository: "oci://public.ecr.aws/karpenter",
  version: "1.14.1",
  namespace: KARPENTER_NAMESPACE,
  valuesFile: "vendor/karpenter/values.yaml",
} as const satisfies VendoredChart;

/** Settings of Karpenter's controller and what it needs in AWS. */
export interface KarpenterControllerProps {
  /** EKS cluster name, literal: it is part of IAM condition keys and AWS names. */
  clusterName: string;
  /** Kubernetes API server URL (cluster stack's cluster_endpoint). */
  clusterEndpoint: string;
  /** AWS region of the cluster. */
  region: string;
  /** Account the cluster is in. */
  accountId: string;
  /** ARN partition of the account. */
  partition: string;
  /** ARN of the cluster's IAM OIDC provider (cluster stack's oidc_provider_arn). */
  oidcProviderArn: string;
  /** The cluster's OIDC issuer URL, https:// included (cluster stack's oidc_issuer_url). */
  oidcIssuerUrl: string;
  /** Name of the controller's IAM role and policy. */
  controllerRoleName: string;
  /** Name of the nodes' IAM role. */
  nodeRoleName: string;
  /** What must run before the controller's pods start (coredns, so they resolve AWS endpoints). */
  dependsOn?: ITerraformDependable[];
}

/**
 * Karpenter's controller on Fargate: its namespace, the nodes' role and access entry, the interruption
 * queue and its rules, an IRSA role trusted by exactly the controller's service account (Pod Identity
 * does not work on Fargate: EKS user guide, "Learn how EKS Pod Identity grants pods access to AWS
 * services", considerations), and the Helm release, which also installs Karpenter's CRDs (NodePool,
 * EC2NodeClass, NodeClaim). Addresses: kubernetes_namespace_v1.karpenter, aws_iam_role.karpenter,
 * aws_iam_policy.karpenter, helm_release.karpenter, and those of InterruptionQueue and KarpenterNodeRole.
 */
export class KarpenterController extends Construct {
  /** The controller's IRSA role. */
  readonly irsa: IrsaRole;
  /** The interruption queue and its rules. */
  readonly interruption: InterruptionQueue;
  /** The nodes' role and access entry. */
  readonly nodeRole: KarpenterNodeRole;
  /** The Helm release (controller and CRDs). */
  readonly release: HelmRelease;

  constructor(scope: Construct, id: string, props: KarpenterControllerProps) {
    super(scope, id);

    const namespace = new NamespaceV1(this, "namespace", { metadata: { name: KARPENTER_NAMESPACE } });
    namespace.overrideLogicalId("karpenter");

    this.nodeRole = new KarpenterNodeRole(this, "node_role", {
      clusterName: props.clusterName,
      roleName: props.nodeRoleName,
      partition: props.partition,
    });
    this.interruption = new InterruptionQueue(this, "interruption", { clusterName: props.clusterName });

    this.irsa = new IrsaRole(this, "karpenter", {
      name: props.controllerRoleName,
      description: "Karpenter controller (IRSA)",
      oidcProviderArn: props.oidcProviderArn,
      oidcIssuerUrl: props.oidcIssuerUrl,
      namespace: KARPENTER_NAMESPACE,
      serviceAccount: KARPENTER_SERVICE_ACCOUNT,
      policy: {
        document: JSON.stringify(
          karpenterControllerPolicy({
            partition: props.partition,
            region: props.region,
            accountId: props.accountId,
            clusterName: props.clusterName,
            nodeRoleArn: this.nodeRole.role.arn,
            queueArn: this.interruption.queue.arn,
          }),
        ),
      },
    });

    this.release = new HelmRelease(this, "release", {
      chart: KARPENTER_CHART,
      terraformName: "karpenter",
      values: karpenterValues({
        clusterName: props.clusterName,
        clusterEndpoint: props.clusterEndpoint,
        region: props.region,
        interruptionQueue: this.interruption.queue.name,
        serviceAccountName: KARPENTER_SERVICE_ACCOUNT,
        roleArn: this.irsa.role.arn,
      }),
      // Two replicas, each a Fargate pod provisioned in a minute or more: Helm's 5 minutes is tight.
      timeoutSeconds: 900,
      // The pods start with their permissions, their queue's events and the nodes' access in place.
      dependsOn: [
        namespace,
        this.irsa.attachment,
        this.interruption.policy,
        this.nodeRole.accessEntry,
        ...(props.dependsOn ?? []),
      ],
    });
  }
}
