import type { Workload } from "../workloads/workload";
import { LBC_NLB_CLASS, isAlbIngressClass, isNlbServiceClass } from "./classes";

// Which of a workload's Ingresses and Services the AWS Load Balancer Controller turns into load
// balancers, and with which targets. The guard (IP targets for Fargate pods) and the cost estimate
// both ask this one function, so they cannot disagree about what the controller makes.
// Annotations: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/
// and https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/

/** A load balancer the AWS Load Balancer Controller (or EKS Auto Mode) creates for a workload. */
export interface LoadBalancer {
  /** "ALB" for an Ingress of class alb, "NLB" for a LoadBalancer Service the controller serves. */
  kind: "ALB" | "NLB";
  /** What it is made for, e.g. "Ingress study-2048/ingress-2048". */
  label: string;
  /** Internet-facing (a public IPv4 address in each zone) rather than internal. */
  internetFacing: boolean;
}

const ALB_SCHEME = "alb.ingress.kubernetes.io/scheme";
const ALB_GROUP = "alb.ingress.kubernetes.io/group.name";
const ALB_TARGET_TYPE = "alb.ingress.kubernetes.io/target-type";
const NLB_SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
const NLB_TARGET_TYPE = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";
const LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";

type Ingress = NonNullable<Workload["ingresses"]>[number];
type Service = NonNullable<Workload["services"]>[number];

/** True when the controller serves this Ingress: class alb, by field or by the legacy annotation. */
function isAlbIngress(ingress: Ingress): boolean {
  return isAlbIngressClass(ingress.ingressClassName) || ingress.annotations?.["kubernetes.io/ingress.class"] === "alb";
}

/** True when the controller (not the in-tree cloud provider) serves this LoadBalancer Service. */
function isControllerNlb(service: Service): boolean {
  const type = service.annotations?.[LB_TYPE] ?? "";
  return (
    service.type === "LoadBalancer" &&
    (isNlbServiceClass(service.loadBalancerClass) || ["external", "nlb-ip"].includes(type))
  );
}

/**
 * The load balancers the controller makes for these workloads: one ALB per Ingress of class alb (or
 * per IngressGroup), one NLB per LoadBalancer Service it serves. Both are internal unless the scheme
 * annotation says internet-facing.
 */
export function loadBalancersOf(workloads: readonly Workload[]): LoadBalancer[] {
  const balancers: LoadBalancer[] = [];
  const groups = new Set<string>();
  for (const workload of workloads) {
    for (const ingress of (workload.ingresses ?? []).filter(isAlbIngress)) {
      const annotations = ingress.annotations ?? {};
      const group = annotations[ALB_GROUP];
      if (group !== undefined && groups.has(group)) continue;
      if (group !== undefined) groups.add(group);
      balancers.push({
        kind: "ALB",
        label: group === undefined ? `Ingress ${workload.namespace}/${ingress.name}` : `IngressGroup ${group}`,
        internetFacing: annotations[ALB_SCHEME] === "internet-facing",
      });
    }
    for (const service of (workload.services ?? []).filter(isControllerNlb)) {
      balancers.push({
        kind: "NLB",
        label: `Service ${workload.namespace}/${service.name}`,
        internetFacing: service.annotations?.[NLB_SCHEME] === "internet-facing",
      });
    }
  }
  return balancers;
}

/**
 * What keeps a workload's load balancers from reaching its pods on Fargate, which only IP targets
 * reach (a Fargate pod has no node port): one sentence per Service or Ingress.
 */
export function ipTargetProblems(workload: Workload): string[] {
  const problems: string[] = [];
  const services = workload.services ?? [];
  for (const service of services.filter((s) => s.type === "LoadBalancer")) {
    const annotations = service.annotations ?? {};
    const ipTargets = annotations[NLB_TARGET_TYPE] === "ip" || annotations[LB_TYPE] === "nlb-ip";
    if (!isControllerNlb(service) || !ipTargets) {
      problems.push(
        `Service "${service.name}" of type LoadBalancer does not ask the controller for an NLB with IP targets, the only ` +
          `targets that reach Fargate pods; set loadBalancerClass "${LBC_NLB_CLASS}" and annotation ${NLB_TARGET_TYPE}: "ip"`,
      );
    }
  }
  for (const ingress of (workload.ingresses ?? []).filter(isAlbIngress)) {
    const annotations = ingress.annotations ?? {};
    // A backend Service's own target-type annotation overrides the Ingress's.
    const instanceBackends = ingress.paths.filter((path) => {
      const service = services.find((s) => s.name === path.serviceName);
      return (service?.annotations?.[ALB_TARGET_TYPE] ?? annotations[ALB_TARGET_TYPE]) !== "ip";
    });
    if (instanceBackends.length > 0) {
      problems.push(
        `Ingress "${ingress.name}" does not ask for IP targets, the only targets that reach Fargate pods; ` +
          `add annotation ${ALB_TARGET_TYPE}: "ip"`,
      );
    }
  }
  return problems;
}
