import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { PlatformStack } from "./platform-stack";

/** The stacks the workloads stack builds on. */
export interface WorkloadsUpstreams {
  /** Cluster name, endpoint and CA for the Kubernetes provider. */
  cluster: PlatformStack<"cluster">;
  /** The controller's webhook must serve before any Service or Ingress is created. */
  lbController: PlatformStack<"lb-controller">;
}

/** `<env>-workloads`: the sample applications behind an ALB and an NLB. */
export class WorkloadsStack extends PlatformStack<"workloads"> {
  constructor(scope: Construct, env: Environment, upstreams: WorkloadsUpstreams) {
    super(scope, env, "workloads");
    this.upstream(upstreams.cluster);
    this.addDependency(upstreams.lbController);
  }
}
