import { isAlbIngressClass, isNlbServiceClass } from "../lb-controller/classes";
import type { Workload } from "../workloads/workload";

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
const NLB_SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
const LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";

/**
 * The load balancers the controller makes for these workloads: one ALB per Ingress of class alb (or
 * per IngressGroup), one NLB per LoadBalancer Service it serves. Both are internal unless the scheme
 * annotation says internet-facing (https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/,
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/).
 */
export function loadBalancersOf(workloads: readonly Workload[]): LoadBalancer[] {
  const balancers: LoadBalancer[] = [];
  const groups = new Set<string>();
  for (const workload of workloads) {
    for (const ingress of workload.ingresses ?? []) {
      const annotations = ingress.annotations ?? {};
      if (!isAlbIngressClass(ingress.ingressClassName) && annotations["kubernetes.io/ingress.class"] !== "alb")
        continue;
      const group = annotations[ALB_GROUP];
      if (group !== undefined && groups.has(group)) continue;
      if (group !== undefined) groups.add(group);
      balancers.push({
        kind: "ALB",
        label: group === undefined ? `Ingress ${workload.namespace}/${ingress.name}` : `IngressGroup ${group}`,
        internetFacing: annotations[ALB_SCHEME] === "internet-facing",
      });
    }
    for (const service of workload.services ?? []) {
      const annotations = service.annotations ?? {};
      const servedByController =
        isNlbServiceClass(service.loadBalancerClass) || ["external", "nlb-ip"].includes(annotations[LB_TYPE]);
      if (service.type !== "LoadBalancer" || !servedByController) continue;
      balancers.push({
        kind: "NLB",
        label: `Service ${workload.namespace}/${service.name}`,
        internetFacing: annotations[NLB_SCHEME] === "internet-facing",
      });
    }
  }
  return balancers;
}
