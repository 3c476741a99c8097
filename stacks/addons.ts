import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { PlatformStack } from "./platform-stack";

/** `<env>-addons`: coredns on Fargate, vpc-cni, kube-proxy, and Fargate's Fluent Bit logging. */
export class AddonsStack extends PlatformStack<"addons"> {
  constructor(scope: Construct, env: Environment, cluster: PlatformStack<"cluster">) {
    super(scope, env, "addons");
    this.upstream(cluster);
  }
}
