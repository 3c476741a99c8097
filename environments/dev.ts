import type { EnvironmentInput } from "./schema";

/** The default environment: the seed configuration, deployable from a laptop with local state. */
export const dev = {
  name: "dev",
  region: "ap-northeast-2",
  availabilityZones: ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"],
  vpcCidr: "10.10.0.0/16",
  natStrategy: "single",
  clusterName: "dev-fargate",
  kubernetesVersion: "1.35",
  tags: { Environment: "dev", Project: "eks-fargate-platform" },
  backend: { type: "local" },
  cluster: {
    endpointAccess: "public-and-private",
    fargateProfiles: [
      { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
      { name: "study-wildcard", selectors: [{ namespace: "study-*" }] },
    ],
  },
  addons: { fluentBitProcessLogs: true },
  workloads: {
    enabled: true,
    gameNamespace: "study-2048",
    echoNamespace: "study-echo",
    // Each sample keeps two pods and scales out to six at 70% of its CPU requests (docs/scaling.md).
    autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 },
  },
} satisfies EnvironmentInput;
