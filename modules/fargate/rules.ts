// What Fargate refuses to run, checked for the pods placement puts on Fargate, so a mistake fails at
// synthesis instead of leaving pods Pending or load balancers without healthy targets. Rules follow
// the EKS user guide ("AWS Fargate considerations",
// https://docs.aws.amazon.com/eks/latest/userguide/fargate.html) and the Load Balancer Controller's docs.

import { ipTargetProblems } from "../lb-controller/load-balancers";
import { containersOf } from "../workloads/security-rules";
import type { Violation } from "../workloads/violation";
import type { ContainerSpec, Workload } from "../workloads/workload";
import { FARGATE_ADDABLE_CAPABILITIES } from "./capabilities";
import { type FargateProfileSelection, PROFILE_LABEL } from "./selector";
import { type ContainerRequests, type PodRequests, fargateSize } from "./size";

/** What a workload's pods request of Fargate: its containers' and init containers' requests. */
export function podRequestsOf(workload: Workload): PodRequests {
  return {
    containers: workload.containers.map(requestsOf),
    initContainers: workload.initContainers?.map(requestsOf),
  };
}

/** Fargate runs no DaemonSet: the rule, for placement to use where no node can take one. */
export const DAEMONSET_VIOLATION: Violation = [
  "daemonset",
  "Fargate runs no DaemonSets; run it as a Deployment, or as a sidecar container in the pods that need it",
];

/** Everything Fargate refuses in a workload its profiles select: settings, load balancer targets, size. */
export function fargateViolations(workload: Workload): Violation[] {
  const violations: Violation[] = [];
  for (const container of containersOf(workload)) {
    violations.push(...containerViolations(container));
  }
  if (workload.hostNetwork) {
    violations.push([
      "host-network",
      "hostNetwork is on, which Fargate refuses (each pod has its own network interface); remove it and expose the ports through a Service",
    ]);
  }
  for (const volume of workload.volumes ?? []) {
    if (volume.hostPath !== undefined) {
      violations.push([
        "host-path",
        `volume "${volume.name}" mounts the node's ${volume.hostPath} (hostPath), which Fargate refuses; use an emptyDir, or EFS for storage that outlives the pod`,
      ]);
    }
  }
  violations.push(...ipTargetProblems(workload).map((text): Violation => ["ip-targets", text]));
  try {
    fargateSize(podRequestsOf(workload));
  } catch (error) {
    violations.push(["fargate-size", sentence((error as Error).message)]);
  }
  return violations;
}

function containerViolations(container: ContainerSpec): Violation[] {
  const violations: Violation[] = [];
  const name = `container "${container.name}"`;
  if (container.securityContext?.privileged) {
    violations.push(["privileged", `${name} is privileged, which Fargate refuses; remove securityContext.privileged`]);
  }
  const refused = (container.securityContext?.capabilities?.add ?? []).filter(
    (c) => !FARGATE_ADDABLE_CAPABILITIES.includes(c),
  );
  if (refused.length > 0) {
    violations.push([
      "capabilities-add",
      `${name} adds capabilities ${refused.join(", ")}, which Fargate refuses (pods stay Pending: "Capabilities added"); ` +
        `Fargate lets pods add only ${FARGATE_ADDABLE_CAPABILITIES.join(", ")}, so to keep a default capability ` +
        `drop the others instead of ALL (keepOnlyCapabilities in modules/fargate/capabilities.ts)`,
    ]);
  }
  for (const port of container.ports ?? []) {
    if (port.hostPort !== undefined) {
      violations.push([
        "host-port",
        `${name} opens hostPort ${port.hostPort}, which Fargate refuses; remove hostPort and reach port ${port.containerPort} through a Service`,
      ]);
    }
  }
  return violations;
}

/**
 * Why no Fargate profile takes the workload's pods: a pinned profile that does not exist or does not
 * select them, or no selector matching their namespace and labels.
 */
export function unselectedProblem(workload: Workload, profiles: readonly FargateProfileSelection[]): string {
  const { namespace, podLabels } = workload;
  const pinned = podLabels[PROFILE_LABEL];
  const names = profiles.map((p) => `"${p.name}"`).join(", ");
  if (pinned !== undefined && !profiles.some((p) => p.name === pinned)) {
    return `its pods pin Fargate profile "${pinned}" (label ${PROFILE_LABEL}), which cluster.fargateProfiles does not define, so they would stay Pending; pin one of ${names} or remove the label`;
  }
  const selectors = profiles
    .flatMap((p) => p.selectors)
    .map((s) => `"${s.namespace}"${s.labels ? ` with labels ${formatLabels(s.labels)}` : ""}`)
    .join(", ");
  const which =
    pinned === undefined
      ? "no Fargate profile selects"
      : `Fargate profile "${pinned}" (pinned by label ${PROFILE_LABEL}) does not select`;
  return (
    `${which} namespace "${namespace}" with pod labels ${formatLabels(podLabels)}, so its pods would stay Pending ` +
    `(selectors: ${selectors}); add { namespace: "${namespace}" } to a profile's selectors in cluster.fargateProfiles, or use a namespace and labels a selector matches`
  );
}

function requestsOf(container: ContainerSpec): ContainerRequests {
  return container.resources?.requests ?? {};
}

function formatLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${k}=${v}`).join(", ")} }`;
}

// fargateSize's messages are sentences; a problem line starts lower case and has no final period.
function sentence(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, "");
}
