// Helm values of the aws-load-balancer-controller chart for a Fargate-only cluster. Every key must
// exist in the chart's values.yaml (vendor/aws-load-balancer-controller/values.yaml): the Helm
// release construct checks at synthesis.

/** What the controller is told, since on Fargate it cannot ask the instance metadata service. */
export interface LbControllerSettings {
  /** EKS cluster name; the chart requires it. */
  clusterName: string;
  /** AWS region of the cluster. */
  region: string;
  /** VPC of the cluster, where target groups and load balancer security groups go. */
  vpcId: string;
  /** Name of the service account the chart creates; the IRSA role trusts exactly this name. */
  serviceAccountName: string;
  /** ARN of the IRSA role the service account assumes. */
  roleArn: string;
}

/** The chart values, as a nested object. */
export function lbControllerValues(settings: LbControllerSettings) {
  return {
    clusterName: settings.clusterName,
    region: settings.region,
    vpcId: settings.vpcId,
    serviceAccount: {
      create: true,
      name: settings.serviceAccountName,
      annotations: { "eks.amazonaws.com/role-arn": settings.roleArn },
    },
    // Two replicas, so the admission webhook keeps serving while one Fargate pod is replaced.
    replicaCount: 2,
    podDisruptionBudget: { maxUnavailable: 1 },
    // Fargate pods can only be IP targets; Ingresses and Services need not say so one by one.
    defaultTargetType: "ip",
  };
}
