import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { AutoModeIngressClass } from "../modules/lb-controller/auto-mode-ingress-class";
import { LbController } from "../modules/lb-controller/lb-controller";
import { lbControllerRoleName } from "../modules/cluster/names";
import { PlatformStack } from "./platform-stack";

/** The stacks the Load Balancer Controller stack builds on. */
export interface LbControllerUpstreams {
  /** VPC id for the controller (Fargate has no instance metadata to discover it). */
  network: PlatformStack<"network">;
  /** Cluster name, endpoint, CA and OIDC provider. */
  cluster: PlatformStack<"cluster">;
  /** The chain's previous stack: after the add-ons (coredns on Fargate resolves AWS endpoints) and the nodes. */
  compute: PlatformStack<"compute">;
}

/**
 * `<env>-lb-controller`: the controllers of the environment's load-balancer classes, one per class
 * (modules/lb-controller/classes.ts): the AWS Load Balancer Controller, its IRSA role and Helm release, for
 * "alb" and service.k8s.aws/nlb; with Auto Mode also Auto Mode's ALB IngressClass, whose load balancers Auto
 * Mode makes. The Helm controller stays while Auto Mode is on: it must run to delete the load balancers it
 * made and release their finalizers when the workloads move to Auto Mode's classes (docs/auto-mode.md).
 */
export class LbControllerStack extends PlatformStack<"lb-controller"> {
  constructor(scope: Construct, env: Environment, upstreams: LbControllerUpstreams) {
    super(scope, env, "lb-controller");
    const network = this.upstream(upstreams.network);
    const cluster = this.upstream(upstreams.cluster);
    this.addDependency(upstreams.compute);

    const autoMode = env.compute.autoMode.enabled;
    const { clusterName } = this.connectToCluster(cluster, autoMode ? ["helm", "kubernetes"] : ["helm"]);
    if (autoMode) new AutoModeIngressClass(this, "auto_mode_ingress_class");

    const controller = new LbController(this, "lb_controller", {
      clusterName,
      region: env.region,
      vpcId: network.get("vpc_id"),
      oidcProviderArn: cluster.get("oidc_provider_arn"),
      oidcIssuerUrl: cluster.get("oidc_issuer_url"),
      roleName: lbControllerRoleName(env.clusterName),
    });

    this.outputs({
      lb_controller_role_arn: controller.irsa.role.arn,
      lb_controller_release: controller.release.name,
      lb_controller_chart_version: controller.release.version,
      lb_controller_namespace: controller.release.namespace,
    });
  }
}
