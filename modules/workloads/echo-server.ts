import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Construct } from "constructs";
import type { AutoscalingSettings } from "../../environments/rules/autoscaling";
import { SMALLEST_FARGATE_REQUESTS } from "../fargate/size";
import { type LoadBalancerClasses, loadBalancerClasses } from "../lb-controller/classes";
import { ExposedDeployment } from "./exposed-deployment";
import { NON_ROOT_POD, nonRootContainer } from "./non-root";
import { type DeploymentWorkload, httpProbes } from "./workload";

/** Settings of the echo server sample. */
export interface EchoServerProps {
  /** Namespace created for the echo server; a Fargate profile must select it. */
  namespace: string;
  /** Scale the Deployment with a HorizontalPodAutoscaler; left out, it runs two pods. */
  autoscaling?: AutoscalingSettings;
  /** Load-balancer classes of the environment (the Helm controller's by default). */
  classes?: LoadBalancerClasses;
}

/**
 * Kubernetes' end-to-end test image (kubernetes/kubernetes test/images/agnhost), run as `agnhost
 * http-echo`: a Go server that answers every request with the request (path, method, headers) as JSON,
 * on port 8080, writing no file (docs/sample-images.md).
 */
export const ECHO_SERVER_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.66.1";
/** The image has no USER (it would run as root): run it as nobody, which needs nothing but to listen above 1024. */
export const ECHO_SERVER_UID = 65534;
/** http-echo's default --port. */
export const ECHO_SERVER_PORT = 8080;

/** The echo server as plain data: a Deployment of two pods of the smallest Fargate size behind an NLB Service. */
export function echoServerWorkload(
  namespace: string,
  classes: LoadBalancerClasses = loadBalancerClasses(false),
): DeploymentWorkload {
  const labels = { "app.kubernetes.io/name": "echo-server" };
  const containerPort = ECHO_SERVER_PORT;
  return {
    kind: "Deployment",
    name: "echo-server",
    namespace,
    replicas: 2,
    podLabels: labels,
    containers: [
      {
        name: "echo-server",
        image: ECHO_SERVER_IMAGE,
        args: ["http-echo", `--port=${containerPort}`],
        ports: [{ containerPort }],
        resources: { requests: SMALLEST_FARGATE_REQUESTS, limits: SMALLEST_FARGATE_REQUESTS },
        securityContext: nonRootContainer(ECHO_SERVER_UID),
        ...httpProbes(containerPort),
      },
    ],
    securityContext: NON_ROOT_POD,
    services: [
      {
        name: "echo-server",
        type: "LoadBalancer",
        loadBalancerClass: classes.serviceClass,
        annotations: {
          "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
          "service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing",
          "service.beta.kubernetes.io/aws-load-balancer-healthcheck-port": String(containerPort),
          // The controller's current form of the deprecated ...-cross-zone-load-balancing-enabled annotation.
          "service.beta.kubernetes.io/aws-load-balancer-attributes": "load_balancing.cross_zone.enabled=true",
        },
        selector: labels,
        ports: [{ port: 80, targetPort: containerPort }],
      },
    ],
  };
}

/**
 * An echo server behind an internet-facing NLB in IP mode: a namespace, a Deployment of two pods
 * of the smallest Fargate size and a LoadBalancer Service the Load Balancer Controller serves
 * (loadBalancerClass service.k8s.aws/nlb), health-checked on the container port, cross-zone.
 */
export class EchoServer extends Construct {
  /** What is deployed (the loader gives the same description to the Fargate guard). */
  readonly workload: DeploymentWorkload;
  /** http://<NLB hostname>, known once the Service's load balancer exists. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: EchoServerProps) {
    super(scope, id);
    const namespace = new NamespaceV1(this, "namespace", { metadata: { name: props.namespace } });
    namespace.overrideLogicalId("echo_server");

    this.workload = echoServerWorkload(props.namespace, props.classes);
    const app = new ExposedDeployment(this, "app", {
      workload: this.workload,
      dependsOn: [namespace],
      autoscaling: props.autoscaling,
    });
    const service = app.services[0];
    this.url = `http://${service.status.get(0).loadBalancer.get(0).ingress.get(0).hostname}`;
  }
}
