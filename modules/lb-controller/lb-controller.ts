import { Construct } from "constructs";
import controllerPolicy from "../../vendor/aws-load-balancer-controller/iam_policy.json";
import { IrsaRole } from "../irsa/role";
import type { ContainerRequests, PodRequests } from "../fargate/size";
import { type ChartValues, vendoredChartDefaults } from "../kubernetes/chart-values";
import { HelmRelease, type VendoredChart } from "../kubernetes/helm-release";
import { lbControllerValues } from "./values";

/** The pinned chart; vendor/aws-load-balancer-controller holds its values.yaml and IAM policy. */
export const LB_CONTROLLER_CHART = {
  name: "aws-load-balancer-controller",
  repository: "https://aws.github.io/eks-charts",
  version: "3.5.0",
  namespace: "kube-system",
  valuesFile: "vendor/aws-load-balancer-controller/values.yaml",
} as const satisfies VendoredChart;

/** The service account the chart creates; the IRSA role trusts exactly this name. */
export const LB_CONTROLLER_SERVICE_ACCOUNT = "aws-load-balancer-controller";

/**
 * The controller's pods as the release runs them, for the cost estimate: the values' replicaCount,
 * and the controller container's requests from the values' `resources` or else the chart's default
 * (`resources: {}` in values.yaml: no requests, so Fargate runs each pod at its smallest size).
 */
export function lbControllerPods(): { replicas: number; pod: PodRequests } {
  // The pods do not depend on the cluster's names and ARNs, only on the values' shape.
  const values: ChartValues = lbControllerValues({
    clusterName: "",
    region: "",
    vpcId: "",
    serviceAccountName: LB_CONTROLLER_SERVICE_ACCOUNT,
    roleArn: "",
  });
  const defaults = vendoredChartDefaults(LB_CONTROLLER_CHART.valuesFile);
  const resources = (values.resources ?? defaults.resources) as { requests?: ContainerRequests } | undefined;
  return {
    replicas: Number(values.replicaCount ?? defaults.replicaCount),
    pod: { containers: [resources?.requests ?? {}] },
  };
}

/** Settings of the AWS Load Balancer Controller. */
export interface LbControllerProps {
  /** EKS cluster name (cluster stack's cluster_name). */
  clusterName: string;
  /** AWS region of the cluster. */
  region: string;
  /** VPC of the cluster (network stack's vpc_id). */
  vpcId: string;
  /** ARN of the cluster's IAM OIDC provider (cluster stack's oidc_provider_arn). */
  oidcProviderArn: string;
  /** The cluster's OIDC issuer URL, https:// included (cluster stack's oidc_issuer_url). */
  oidcIssuerUrl: string;
  /** Name of the controller's IAM role and policy. */
  roleName: string;
}

/**
 * The AWS Load Balancer Controller: an IRSA role with the project's official IAM policy, and the Helm
 * release of its chart in kube-system, configured for Fargate. Addresses: aws_iam_role.lb_controller,
 * aws_iam_policy.lb_controller, aws_iam_role_policy_attachment.lb_controller, helm_release.lb_controller.
 */
export class LbController extends Construct {
  /** The controller's IAM role. */
  readonly irsa: IrsaRole;
  /** The Helm release. */
  readonly release: HelmRelease;

  constructor(scope: Construct, id: string, props: LbControllerProps) {
    super(scope, id);
    const chart = LB_CONTROLLER_CHART;

    this.irsa = new IrsaRole(this, "lb_controller", {
      name: props.roleName,
      description: "AWS Load Balancer Controller (IRSA)",
      oidcProviderArn: props.oidcProviderArn,
      oidcIssuerUrl: props.oidcIssuerUrl,
      namespace: chart.namespace,
      serviceAccount: LB_CONTROLLER_SERVICE_ACCOUNT,
      policy: { document: JSON.stringify(controllerPolicy) },
    });

    this.release = new HelmRelease(this, "release", {
      chart,
      terraformName: "lb_controller",
      values: lbControllerValues({
        clusterName: props.clusterName,
        region: props.region,
        vpcId: props.vpcId,
        serviceAccountName: LB_CONTROLLER_SERVICE_ACCOUNT,
        roleArn: this.irsa.role.arn,
      }),
      // Wait until the controller is ready, so its webhooks serve before the workloads stack creates
      // Services and Ingresses. Each replica is a new Fargate node (a minute or more to provision and
      // pull the image), so Helm's 5-minute default is too tight: allow 15.
      timeoutSeconds: 900,
      // Start the pods only once the role has its permissions.
      dependsOn: [this.irsa.attachment],
    });
  }
}
