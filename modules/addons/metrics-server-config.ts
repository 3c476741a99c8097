import { SMALLEST_FARGATE_REQUESTS } from "../fargate/size";
import { type AddonResources, smallestFargateResources } from "./fargate-resources";

/**
 * The port metrics-server's container listens on. Its default, 10250, is the kubelet's port, which
 * Fargate reserves; the EKS add-on is pre-configured to 10251 and the user guide says to keep off
 * 10250 on Fargate (https://docs.aws.amazon.com/eks/latest/userguide/metrics-server.html,
 * "Considerations"). Set explicitly so no later default can move it back. metrics-server still
 * scrapes every kubelet on 10250; Fargate pods and the control plane share the EKS cluster security
 * group, which allows all traffic among its members, so both ports are open as the guide asks.
 */
export const METRICS_SERVER_PORT = 10251;

/**
 * metrics-server pods: two, so the Metrics API (and every HPA) survives one pod being replaced; the
 * community add-on's default is two as well (re:Post, "Kubernetes Metrics Server setup recommendations").
 */
export const METRICS_SERVER_REPLICAS = 2;

// The smallest Fargate size, as coredns: metrics-server asks for 100m and 200Mi by default
// (kubernetes-sigs/metrics-server charts/metrics-server/values.yaml), which fits 0.25 vCPU / 0.5 GB.
export const METRICS_SERVER_RESOURCES: AddonResources = SMALLEST_FARGATE_REQUESTS;

/**
 * The metrics-server add-on's configuration_values: its container port off Fargate's reserved 10250,
 * two replicas, requests equal to limits at the smallest Fargate size. The keys are the upstream
 * chart's (containerPort, replicas, resources), from which the community add-on is packaged. No
 * computeType: the add-on's pods carry no ec2 compute-type annotation, so the kube-system Fargate
 * profile selects them. Throws when the resources would need a bigger Fargate size.
 */
export function metricsServerConfigurationValues(resources: AddonResources = METRICS_SERVER_RESOURCES): string {
  return JSON.stringify({
    containerPort: METRICS_SERVER_PORT,
    replicas: METRICS_SERVER_REPLICAS,
    resources: smallestFargateResources("metrics-server", resources),
  });
}
