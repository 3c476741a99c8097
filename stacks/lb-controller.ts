import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { PlatformStack } from "./platform-stack";

/** The stacks the Load Balancer Controller stack builds on. */
export interface LbControllerUpstreams {
  /** VPC id for the controller (Fargate has no instance metadata to discover it). */
  network: PlatformStack<"network">;
  /** Cluster name, endpoint, CA and OIDC provider. */
  cluster: PlatformStack<"cluster">;
  /** coredns must run on Fargate before the controller's pods can resolve AWS endpoints. */
  addons: PlatformStack<"addons">;
}

/** `<env>-lb-controller`: the AWS Load Balancer Controller, its IRSA role and Helm release. */
export class LbControllerStack extends PlatformStack<"lb-controller"> {
  constructor(scope: Construct, env: Environment, upstreams: LbControllerUpstreams) {
    super(scope, env, "lb-controller");
    this.upstream(upstreams.network);
    this.upstream(upstreams.cluster);
    this.addDependency(upstreams.addons);
  }
}
