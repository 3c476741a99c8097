import { IngressClassV1 } from "@cdktf/provider-kubernetes/lib/ingress-class-v1";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { Construct } from "constructs";
import { AUTO_MODE_ALB_CONTROLLER, AUTO_MODE_INGRESS_CLASS } from "./classes";

/**
 * EKS Auto Mode's ALB IngressClass and its IngressClassParams (eks.amazonaws.com/v1; EKS user guide,
 * auto-configure-alb.html): Ingresses of this class get an internet-facing ALB from Auto Mode. Auto Mode
 * reads no annotations on the IngressClass, so the scheme is a parameter. The params' kind exists once the
 * cluster stack has switched Auto Mode on.
 */
export class AutoModeIngressClass extends Construct {
  /** The IngressClass workloads name. */
  readonly ingressClass: IngressClassV1;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const params = new Manifest(this, "params", {
      manifest: {
        apiVersion: "eks.amazonaws.com/v1",
        kind: "IngressClassParams",
        metadata: { name: AUTO_MODE_INGRESS_CLASS },
        spec: { scheme: "internet-facing" },
      },
    });
    params.overrideLogicalId("auto_mode_alb_params");
    this.ingressClass = new IngressClassV1(this, "class", {
      metadata: { name: AUTO_MODE_INGRESS_CLASS },
      spec: {
        controller: AUTO_MODE_ALB_CONTROLLER,
        parameters: [{ apiGroup: "eks.amazonaws.com", kind: "IngressClassParams", name: AUTO_MODE_INGRESS_CLASS }],
      },
      dependsOn: [params],
    });
    this.ingressClass.overrideLogicalId("auto_mode_alb");
  }
}
