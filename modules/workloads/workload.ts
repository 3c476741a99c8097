// A workload as plain data: what its pods ask of the node they run on and how it is exposed.
// Constructs build their Kubernetes resources from one of these, and the Fargate guard checks
// the same object, so the guard sees exactly what is deployed.

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

/** One container of a pod. */
export interface ContainerSpec {
  /** Container name, unique in the pod. */
  name: string;
  /** Image reference, registry/repository:tag. */
  image: string;
  /** Ports the container listens on. */
  ports?: ContainerPortSpec[];
  /** Requests decide the Fargate size; set limits equal to them (Fargate pods are Guaranteed QoS). */
  resources?: { requests?: ContainerRequests; limits?: ContainerRequests };
  /** Privileged mode; Fargate refuses it. */
  securityContext?: { privileged?: boolean };
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

/**
 * Requests (set limits equal) that land a one-container pod on the smallest Fargate size,
 * 0.25 vCPU / 0.5 GB: 256M (decimal) plus Fargate's 256 MiB overhead stays under 512 MiB.
 */
export const SMALLEST_FARGATE_REQUESTS: ContainerRequests = { cpu: "250m", memory: "256M" };
