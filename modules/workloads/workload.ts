// A workload as plain data: what its pods ask of the node they run on and how it is exposed.
// Constructs build their Kubernetes resources from one of these, and the Fargate guard checks
// the same object, so the guard sees exactly what is deployed.

import type { Capabilities } from "../fargate/capabilities";
import type { ContainerRequests } from "../fargate/size";

/** Controllers that create pods; DaemonSet is listed so the guard can refuse it. */
export type WorkloadKind = "Deployment" | "StatefulSet" | "DaemonSet" | "Job" | "CronJob";

/** One port a container listens on. */
export interface ContainerPortSpec {
  /** Port inside the pod. */
  containerPort: number;
  /** Port opened on the node as well; Fargate refuses it. */
  hostPort?: number;
}

/** An HTTP GET probe: any status from 200 to 399 passes. */
export interface HttpProbeSpec {
  /** Request path. */
  path: string;
  /** Container port the probe connects to. */
  port: number;
  /** Seconds after the container starts before the first probe. */
  initialDelaySeconds?: number;
  /** Seconds between probes. */
  periodSeconds?: number;
  /** Failed probes in a row before the probe counts as failed. */
  failureThreshold?: number;
}

/** A container's security settings (Kubernetes securityContext); unset fields keep Kubernetes' defaults. */
export interface ContainerSecuritySpec {
  /** Privileged mode; Fargate refuses it. */
  privileged?: boolean;
  /** Whether a process may gain more privileges than its parent (setuid binaries, file capabilities). */
  allowPrivilegeEscalation?: boolean;
  /** Mount the image's filesystem read-only; writable paths then need volumes. */
  readOnlyRootFilesystem?: boolean;
  /** Refuse to start the container as root (UID 0). */
  runAsNonRoot?: boolean;
  /** UID the container's processes run as, instead of the image's USER. */
  runAsUser?: number;
  /** Linux capabilities dropped from and added to the runtime's default set. */
  capabilities?: Capabilities;
}

/** Pod-wide security settings. */
export interface PodSecuritySpec {
  /** Seccomp profile of every container: "RuntimeDefault" is the container runtime's default filter. */
  seccompProfile?: "RuntimeDefault" | "Unconfined";
  /** Refuse to start any container as root, unless a container overrides it. */
  runAsNonRoot?: boolean;
  /** UID of every container's processes, unless a container overrides it. */
  runAsUser?: number;
}

/** One container of a pod. */
export interface ContainerSpec {
  /** Container name, unique in the pod. */
  name: string;
  /** Image reference, registry/repository:tag. */
  image: string;
  /** Replaces the image's entrypoint. */
  command?: string[];
  /** Arguments to the entrypoint (the image's, or command). */
  args?: string[];
  /** Ports the container listens on. */
  ports?: ContainerPortSpec[];
  /** Requests decide the Fargate size; set limits equal to them (Fargate pods are Guaranteed QoS). */
  resources?: { requests?: ContainerRequests; limits?: ContainerRequests };
  /** Security settings of the container. */
  securityContext?: ContainerSecuritySpec;
  /** Restarts the container when it fails. */
  livenessProbe?: HttpProbeSpec;
  /** Keeps the pod out of its Services (and load balancer targets) until it passes. */
  readinessProbe?: HttpProbeSpec;
  /** Volumes mounted into the container, by volume name. */
  volumeMounts?: { name: string; mountPath: string }[];
}

/** A pod volume: a directory of the node (hostPath, refused by Fargate) or else an emptyDir. */
export interface VolumeSpec {
  /** Volume name, referenced by volumeMounts. */
  name: string;
  /** Directory of the node to mount; absent for an emptyDir. */
  hostPath?: string;
}

/** One port of a Service. */
export interface ServicePortSpec {
  /** Port clients (and load balancer listeners) use. */
  port: number;
  /** Container port the traffic goes to. */
  targetPort: number;
}

/** A Service in front of the workload's pods. */
export interface ServiceSpec {
  /** Service name. */
  name: string;
  /** ClusterIP (reached through an Ingress), NodePort or LoadBalancer (an NLB). */
  type: "ClusterIP" | "NodePort" | "LoadBalancer";
  /** Pod labels the Service selects. */
  selector: Record<string, string>;
  /** Ports it exposes. */
  ports: ServicePortSpec[];
  /** Annotations, e.g. the Load Balancer Controller's service.beta.kubernetes.io/aws-load-balancer-*. */
  annotations?: Record<string, string>;
  /** Controller that provisions the load balancer, e.g. service.k8s.aws/nlb. */
  loadBalancerClass?: string;
}

/** One HTTP path of an Ingress and the Service port it routes to. */
export interface IngressPathSpec {
  /** Path prefix. */
  path: string;
  /** Backend Service name, in the Ingress's namespace. */
  serviceName: string;
  /** Backend Service port. */
  servicePort: number;
}

/** An Ingress routing HTTP to the workload's Services. */
export interface IngressSpec {
  /** Ingress name. */
  name: string;
  /** IngressClass; "alb" is the Load Balancer Controller's. */
  ingressClassName?: string;
  /** Annotations, e.g. alb.ingress.kubernetes.io/scheme and target-type. */
  annotations?: Record<string, string>;
  /** Paths and their backends. */
  paths: IngressPathSpec[];
}

/** A workload: its controller, pod template, and the Services and Ingresses that expose it. */
export interface Workload {
  /** Controller kind. */
  kind: WorkloadKind;
  /** Controller name. */
  name: string;
  /** Namespace of the controller, its pods, Services and Ingresses. */
  namespace: string;
  /** Pods to run, where the kind has replicas. */
  replicas?: number;
  /** Labels on every pod (Fargate profile selectors and Services match them). */
  podLabels: Record<string, string>;
  /** Long-running containers. */
  containers: ContainerSpec[];
  /** Containers run one after another before the others start. */
  initContainers?: ContainerSpec[];
  /** Share the node's network namespace; Fargate refuses it. */
  hostNetwork?: boolean;
  /** Pod-wide security settings. */
  securityContext?: PodSecuritySpec;
  /** Pod volumes. */
  volumes?: VolumeSpec[];
  /** Services selecting the pods. */
  services?: ServiceSpec[];
  /** Ingresses routing to those Services. */
  ingresses?: IngressSpec[];
}

/** A workload run by a Deployment, the kind ExposedDeployment builds. */
export type DeploymentWorkload = Workload & { kind: "Deployment" };

/** "Deployment study-2048/deployment-2048": how messages name a workload. */
export function workloadLabel(workload: Pick<Workload, "kind" | "namespace" | "name">): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/** Liveness and readiness probes: HTTP GET of `path` on `port` of the container. */
export function httpProbes(port: number, path = "/"): Pick<ContainerSpec, "livenessProbe" | "readinessProbe"> {
  return {
    // Fargate starts a pod on a fresh node, so give the server a moment before restarting it.
    livenessProbe: { path, port, initialDelaySeconds: 10, periodSeconds: 20, failureThreshold: 3 },
    readinessProbe: { path, port, periodSeconds: 10, failureThreshold: 3 },
  };
}
