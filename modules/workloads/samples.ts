import { type LoadBalancerClasses, loadBalancerClasses } from "../lb-controller/classes";
import { echoServerWorkload } from "./echo-server";
import { game2048Workload } from "./game-2048";
import type { DeploymentWorkload } from "./workload";

/** The environment's sample settings, as the workloads stack reads them. */
export interface SampleSettings {
  /** Whether the samples are deployed. */
  enabled: boolean;
  /** Namespace of the 2048 game. */
  gameNamespace: string;
  /** Namespace of the echo server. */
  echoNamespace: string;
}

/** What the workloads stack deploys, as data: nothing when the samples are off. */
export function sampleWorkloads(
  settings: SampleSettings,
  classes: LoadBalancerClasses = loadBalancerClasses(false),
): DeploymentWorkload[] {
  if (!settings.enabled) return [];
  return [game2048Workload(settings.gameNamespace, classes), echoServerWorkload(settings.echoNamespace, classes)];
}

/** What the workloads stack deploys for an environment: its samples, with the load-balancer classes of its controller. */
export function environmentSamples(env: {
  workloads: SampleSettings;
  compute: { autoMode: { enabled: boolean } };
}): DeploymentWorkload[] {
  return sampleWorkloads(env.workloads, loadBalancerClasses(env.compute.autoMode.enabled));
}
