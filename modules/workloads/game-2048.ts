import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Construct } from "constructs";
import { type LoadBalancerClasses, loadBalancerClasses } from "../lb-controller/classes";
import { ExposedDeployment } from "./exposed-deployment";
import { rootNginxSecurity } from "./root-nginx";
import { SMALLEST_FARGATE_REQUESTS, type DeploymentWorkload, httpProbes } from "./workload";

/** Settings of the 2048 sample. */
export interface Game2048Props {
  /** Namespace created for the game; a Fargate profile must select it. */
  namespace: string;
  /** Load-balancer classes of the environment (the Helm controller's by default). */
  classes?: LoadBalancerClasses;
}

/** The 2048 game image the Load Balancer Controller's example uses. */
export const GAME_2048_IMAGE = "public.ecr.aws/l6m2t8p7/docker-2048:latest";

/** The game as plain data: a Deployment of two pods of the smallest Fargate size, a ClusterIP Service and an ALB Ingress. */
export function game2048Workload(
  namespace: string,
  classes: LoadBalancerClasses = loadBalancerClasses(false),
): DeploymentWorkload {
  const labels = { "app.kubernetes.io/name": "app-2048" };
  const port = 80;
  return {
    kind: "Deployment",
    name: "deployment-2048",
    namespace,
    replicas: 2,
    podLabels: labels,
    containers: [
      {
        name: "app-2048",
        image: GAME_2048_IMAGE,
        ports: [{ containerPort: port }],
        resources: { requests: SMALLEST_FARGATE_REQUESTS, limits: SMALLEST_FARGATE_REQUESTS },
        securityContext: rootNginxSecurity(true),
        ...httpProbes(port),
      },
    ],
    securityContext: { seccompProfile: "RuntimeDefault" },
    services: [{ name: "service-2048", type: "ClusterIP", selector: labels, ports: [{ port, targetPort: port }] }],
    ingresses: [
      {
        name: "ingress-2048",
        ingressClassName: classes.ingressClassName,
        annotations: {
          "alb.ingress.kubernetes.io/scheme": "internet-facing",
          "alb.ingress.kubernetes.io/target-type": "ip",
        },
        paths: [{ path: "/", serviceName: "service-2048", servicePort: port }],
      },
    ],
  };
}

/**
 * The 2048 game behind an internet-facing ALB: a namespace, a Deployment of two pods of the
 * smallest Fargate size, a ClusterIP Service and an Ingress of class alb with IP targets
 * (Fargate has no nodes to send instance-target traffic to).
 */
export class Game2048 extends Construct {
  /** What is deployed (the loader gives the same description to the Fargate guard). */
  readonly workload: DeploymentWorkload;
  /** http://<ALB hostname>, known once the Ingress's load balancer exists. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: Game2048Props) {
    super(scope, id);
    const namespace = new NamespaceV1(this, "namespace", { metadata: { name: props.namespace } });
    namespace.overrideLogicalId("game_2048");

    this.workload = game2048Workload(props.namespace, props.classes);
    const app = new ExposedDeployment(this, "app", { workload: this.workload, dependsOn: [namespace] });
    const ingress = app.ingresses[0];
    this.url = `http://${ingress.status.get(0).loadBalancer.get(0).ingress.get(0).hostname}`;
  }
}
