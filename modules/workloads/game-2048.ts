import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Construct } from "constructs";
import type { AutoscalingSettings } from "../../environments/rules/autoscaling";
import { SMALLEST_FARGATE_REQUESTS } from "../fargate/size";
import { type LoadBalancerClasses, loadBalancerClasses } from "../lb-controller/classes";
import { ExposedDeployment } from "./exposed-deployment";
import { NON_ROOT_POD, nonRootContainer } from "./non-root";
import { type DeploymentWorkload, httpProbes } from "./workload";

/** Settings of the 2048 sample. */
export interface Game2048Props {
  /** Namespace created for the game; a Fargate profile must select it. */
  namespace: string;
  /** Scale the Deployment with a HorizontalPodAutoscaler; left out, it runs two pods. */
  autoscaling?: AutoscalingSettings;
  /** Load-balancer classes of the environment (the Helm controller's by default). */
  classes?: LoadBalancerClasses;
}

/**
 * The server: nginx.org's unprivileged nginx (nginxinc/docker-nginx-unprivileged, stable/alpine-slim):
 * USER 101, listens on 8080, pid and temp files under /tmp, logs to stdout/stderr (docs/sample-images.md).
 */
export const GAME_SERVER_IMAGE = "nginxinc/nginx-unprivileged:1.26.3-alpine-slim";
/** Its user, from the Dockerfile (ARG UID=101, USER $UID). */
export const GAME_SERVER_UID = 101;
/** Its port, from the Dockerfile (EXPOSE 8080; default.conf's listen 80 rewritten to 8080). */
export const GAME_SERVER_PORT = 8080;

/**
 * The game's files: the Load Balancer Controller's 2048 example image, which has only a `latest` tag, so
 * it is pinned by digest (docs/sample-images.md). An init container copies them into an emptyDir.
 */
export const GAME_CONTENT_IMAGE =
  "public.ecr.aws/l6m2t8p7/docker-2048@sha256:afc96bdad819bfac184a6e9a90096b68583cf5977e66fa985143bde37e847a50";

// Where the unprivileged nginx serves from (its default.conf's root) and where the content image keeps the game.
const WEB_ROOT = "/usr/share/nginx/html";
const COPY = "/game";

/**
 * The game as plain data: a Deployment of two pods of the smallest Fargate size (an init container copies
 * the game into the server's web root, an emptyDir), a ClusterIP Service and an ALB Ingress.
 */
export function game2048Workload(
  namespace: string,
  classes: LoadBalancerClasses = loadBalancerClasses(false),
): DeploymentWorkload {
  const labels = { "app.kubernetes.io/name": "app-2048" };
  const servicePort = 80;
  const resources = { requests: SMALLEST_FARGATE_REQUESTS, limits: SMALLEST_FARGATE_REQUESTS };
  return {
    kind: "Deployment",
    name: "deployment-2048",
    namespace,
    replicas: 2,
    podLabels: labels,
    initContainers: [
      {
        name: "copy-game",
        image: GAME_CONTENT_IMAGE,
        // A wrong path in the image fails the pod at start, rather than serving nginx's welcome page.
        command: ["sh", "-c", `cp -R ${WEB_ROOT}/. ${COPY}/ && grep -q 2048 ${COPY}/index.html`],
        resources,
        // Reads world-readable files and writes only the emptyDir: any non-root user does.
        securityContext: nonRootContainer(GAME_SERVER_UID),
        volumeMounts: [{ name: "game", mountPath: COPY }],
      },
    ],
    containers: [
      {
        name: "app-2048",
        image: GAME_SERVER_IMAGE,
        ports: [{ containerPort: GAME_SERVER_PORT }],
        resources,
        securityContext: nonRootContainer(GAME_SERVER_UID),
        volumeMounts: [
          { name: "game", mountPath: WEB_ROOT },
          // nginx's pid file and temp directories (nginx.conf: pid /tmp/nginx.pid, *_temp_path /tmp/*).
          { name: "tmp", mountPath: "/tmp" },
        ],
        ...httpProbes(GAME_SERVER_PORT),
      },
    ],
    securityContext: NON_ROOT_POD,
    volumes: [{ name: "game" }, { name: "tmp" }],
    services: [
      {
        name: "service-2048",
        type: "ClusterIP",
        selector: labels,
        ports: [{ port: servicePort, targetPort: GAME_SERVER_PORT }],
      },
    ],
    ingresses: [
      {
        name: "ingress-2048",
        ingressClassName: classes.ingressClassName,
        annotations: {
          "alb.ingress.kubernetes.io/scheme": "internet-facing",
          "alb.ingress.kubernetes.io/target-type": "ip",
        },
        paths: [{ path: "/", serviceName: "service-2048", servicePort }],
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
    const app = new ExposedDeployment(this, "app", {
      workload: this.workload,
      dependsOn: [namespace],
      autoscaling: props.autoscaling,
    });
    const ingress = app.ingresses[0];
    this.url = `http://${ingress.status.get(0).loadBalancer.get(0).ingress.get(0).hostname}`;
  }
}
