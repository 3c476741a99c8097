import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { AddonsStack } from "./addons";
import { ClusterStack } from "./cluster";
import { ComputeStack } from "./compute";
import { LbControllerStack } from "./lb-controller";
import { NetworkStack } from "./network";
import { WorkloadsStack } from "./workloads";

/**
 * Builds the six stacks of one environment, each depending on the one before it (compute empty without
 * nodes, workloads empty when the samples are off).
 */
export function buildEnvironment(scope: Construct, env: Environment): void {
  const network = new NetworkStack(scope, env);
  const cluster = new ClusterStack(scope, env, network);
  const addons = new AddonsStack(scope, env, { network, cluster });
  const compute = new ComputeStack(scope, env, { network, cluster, addons });
  const lbController = new LbControllerStack(scope, env, { network, cluster, compute });
  new WorkloadsStack(scope, env, { cluster, lbController });
}
