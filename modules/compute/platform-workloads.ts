import type { Environment } from "../../environments/schema";
import { COREDNS_REPLICAS, COREDNS_RESOURCES } from "../addons/coredns-config";
import { METRICS_SERVER_REPLICAS, METRICS_SERVER_RESOURCES } from "../addons/metrics-server-config";
import { LB_CONTROLLER_CHART, lbControllerPods } from "../lb-controller/lb-controller";
import type { Workload } from "../workloads/workload";
import { vendoredChartDefaults } from "../kubernetes/chart-values";
import { KARPENTER_CHART, KARPENTER_NAMESPACE } from "./karpenter/controller";
import { KARPENTER_CONTROLLER_RESOURCES } from "./karpenter/values";

/**
 * The platform's own pods, as placement sees them: what the add-ons and lb-controller stacks run (in
 * kube-system, and Karpenter's controller in its namespace), with the labels their charts and add-ons
 * give them and the requests they are sized by. Placement puts them on Fargate (the schema requires
 * profiles selecting their namespaces).
 */
export function platformWorkloads(env: Environment): Workload[] {
  const controller = lbControllerPods();
  return [
    {
      kind: "Deployment",
      name: "coredns",
      namespace: "kube-system",
      replicas: COREDNS_REPLICAS,
      podLabels: { "k8s-app": "kube-dns" },
      containers: [{ name: "coredns", image: "coredns", resources: { requests: COREDNS_RESOURCES } }],
    },
    {
      kind: "Deployment",
      name: LB_CONTROLLER_CHART.name,
      namespace: LB_CONTROLLER_CHART.namespace,
      replicas: controller.replicas,
      podLabels: { "app.kubernetes.io/name": LB_CONTROLLER_CHART.name },
      containers: controller.pod.containers.map((requests) => ({
        name: "aws-load-balancer-controller",
        image: "aws-load-balancer-controller",
        resources: { requests },
      })),
    },
    {
      kind: "Deployment",
      name: "metrics-server",
      namespace: "kube-system",
      replicas: METRICS_SERVER_REPLICAS,
      podLabels: { "app.kubernetes.io/name": "metrics-server" },
      containers: [
        { name: "metrics-server", image: "metrics-server", resources: { requests: METRICS_SERVER_RESOURCES } },
      ],
    },
    ...(env.compute.karpenter.enabled
      ? [
          {
            kind: "Deployment" as const,
            name: "karpenter",
            namespace: KARPENTER_NAMESPACE,
            // The chart's default replicas; the values set the controller's requests.
            replicas: Number(vendoredChartDefaults(KARPENTER_CHART.valuesFile).replicas),
            podLabels: { "app.kubernetes.io/name": "karpenter" },
            containers: [
              { name: "controller", image: "karpenter", resources: { requests: KARPENTER_CONTROLLER_RESOURCES } },
            ],
          },
        ]
      : []),
  ];
}
