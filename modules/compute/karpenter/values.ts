import type { ContainerRequests } from "../../fargate/size";

// Helm values of the karpenter chart for a controller on Fargate. Every key must exist in the chart's
// values.yaml (vendor/karpenter/values.yaml): the Helm release construct checks at synthesis.

/**
 * The controller container's requests and limits, equal so its Fargate size is fixed: 1 vCPU as
 * Karpenter's getting-started guide sets (website/content/en/docs/getting-started/getting-started-with-karpenter/scripts/step08-apply-helm-chart-fargate.sh),
 * and memory filling the 2 GB Fargate provisions for 1 vCPU once its 256 MiB overhead is added, so
 * nothing paid for is left unused.
 */
export const KARPENTER_CONTROLLER_RESOURCES = { cpu: "1", memory: "1792Mi" } as const satisfies ContainerRequests;

/** What the controller is told. */
export interface KarpenterSettings {
  /** EKS cluster name; the chart requires it. */
  clusterName: string;
  /** API server URL, so the controller need not call DescribeCluster for it. */
  clusterEndpoint: string;
  /** AWS region: Fargate has no instance metadata for the SDK to find it in. */
  region: string;
  /** Name of the SQS interruption queue. */
  interruptionQueue: string;
  /** Name of the service account the chart creates; the IRSA role trusts exactly this name. */
  serviceAccountName: string;
  /** ARN of the IRSA role the service account assumes. */
  roleArn: string;
}

/** The chart values, as a nested object. */
export function karpenterValues(settings: KarpenterSettings) {
  return {
    settings: {
      clusterName: settings.clusterName,
      clusterEndpoint: settings.clusterEndpoint,
      interruptionQueue: settings.interruptionQueue,
    },
    serviceAccount: {
      create: true,
      name: settings.serviceAccountName,
      annotations: { "eks.amazonaws.com/role-arn": settings.roleArn },
    },
    controller: {
      env: [{ name: "AWS_REGION", value: settings.region }],
      resources: { requests: { ...KARPENTER_CONTROLLER_RESOURCES }, limits: { ...KARPENTER_CONTROLLER_RESOURCES } },
    },
    // dnsPolicy stays the chart's ClusterFirst. Karpenter's docs suggest Default for a controller that
    // must start before any DNS service runs (coredns on nodes Karpenter itself would launch); here
    // coredns runs on Fargate, installed earlier in the same stack, and the release depends on it.
  };
}
