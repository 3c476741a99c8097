import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { NetworkStack } from "./network";

/** Builds the stacks of one environment, each depending on the one before it. */
export function buildEnvironment(scope: Construct, env: Environment): void {
  new NetworkStack(scope, env);
}
