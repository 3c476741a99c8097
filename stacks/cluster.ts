import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { PlatformStack } from "./platform-stack";

/** `<env>-cluster`: the EKS control plane, its identity and access, and the Fargate profiles. */
export class ClusterStack extends PlatformStack<"cluster"> {
  constructor(scope: Construct, env: Environment, network: PlatformStack<"network">) {
    super(scope, env, "cluster");
    this.upstream(network);
  }
}
