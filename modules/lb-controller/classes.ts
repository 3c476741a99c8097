// Which controller makes a workload's load balancers is decided by its class: one controller per class.
// The AWS Load Balancer Controller (Helm) serves IngressClass "alb" (controller ingress.k8s.aws/alb, created
// by its chart) and Services of loadBalancerClass service.k8s.aws/nlb; EKS Auto Mode serves IngressClasses
// whose controller is eks.amazonaws.com/alb and Services of class eks.amazonaws.com/nlb (EKS user guide,
// auto-configure-alb.html and auto-configure-nlb.html). With Auto Mode the Helm controller stays, serving
// only its own classes, so load balancers it made keep their controller while they move; no class has two.

/** The Helm-installed controller's IngressClass (its chart creates it). */
export const LBC_INGRESS_CLASS = "alb";
/** The Helm-installed controller's Service class. */
export const LBC_NLB_CLASS = "service.k8s.aws/nlb";
/** Auto Mode's IngressClass, declared by the lb-controller stack; not "alb", so both can exist while moving. */
export const AUTO_MODE_INGRESS_CLASS = "eks-auto-alb";
/** The controller name Auto Mode's IngressClass names. */
export const AUTO_MODE_ALB_CONTROLLER = "eks.amazonaws.com/alb";
/** Auto Mode's Service class. */
export const AUTO_MODE_NLB_CLASS = "eks.amazonaws.com/nlb";

/** The classes a workload asks for. */
export interface LoadBalancerClasses {
  /** Who makes the load balancers. */
  controller: "aws-load-balancer-controller" | "eks-auto-mode";
  /** IngressClass of ALB Ingresses. */
  ingressClassName: string;
  /** loadBalancerClass of NLB Services. */
  serviceClass: string;
}

/** The classes of an environment: Auto Mode's when it is on, else the Helm-installed controller's. */
export function loadBalancerClasses(autoMode: boolean): LoadBalancerClasses {
  return autoMode
    ? { controller: "eks-auto-mode", ingressClassName: AUTO_MODE_INGRESS_CLASS, serviceClass: AUTO_MODE_NLB_CLASS }
    : { controller: "aws-load-balancer-controller", ingressClassName: LBC_INGRESS_CLASS, serviceClass: LBC_NLB_CLASS };
}

/** Whether an Ingress of this class gets an ALB from either controller. */
export function isAlbIngressClass(name: string | undefined): boolean {
  return name === LBC_INGRESS_CLASS || name === AUTO_MODE_INGRESS_CLASS;
}

/** Whether a Service of this class gets an NLB from either controller. */
export function isNlbServiceClass(name: string | undefined): boolean {
  return name === LBC_NLB_CLASS || name === AUTO_MODE_NLB_CLASS;
}
