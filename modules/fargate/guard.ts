// Checks workloads against what Fargate runs, at synthesis, so a mistake fails before anything is
// deployed instead of leaving pods Pending or load balancers without healthy targets. Rules follow
// the EKS user guide ("AWS Fargate considerations"), the Load Balancer Controller's docs and, for
// security settings, what Kubernetes itself refuses
// (https://kubernetes.io/docs/tasks/configure-pod-container/security-context/).

import { EnvironmentError, invalidEnvironment } from "../../environments/error";
import { FARGATE_ADDABLE_CAPABILITIES } from "./capabilities";
import { type FargateSelector, selectorMatches } from "./selector";
import {
  type ContainerRequests,
  type FargateSize,
  type PodRequests,
  fargateSize,
  fargateSizeStepsAbove,
  requestedFargateSize,
} from "./size";
import { type ContainerSpec, type Workload, workloadLabel } from "../workloads/workload";

/** A Fargate profile as the guard needs it: its name and selectors. */
export interface FargateProfileSelection {
  /** Profile name. */
  name: string;
  /** Pods matching any selector run on Fargate with this profile. */
  selectors: FargateSelector[];
}

/** Where and at what size Fargate runs a workload's pods. */
export interface FargatePlacement {
  /** The workload. */
  workload: Workload;
  /** The profile Fargate schedules its pods with. */
  profile: string;
  /** The size of each pod. */
  size: FargateSize;
  /** The size the requests name, before Fargate adds its memory overhead. */
  requested: FargateSize;
  /** How many sizes Fargate's memory overhead and size table round the requests up. */
  stepsAbove: number;
}

/** What one pod of a Fargate size costs a month, or undefined when the region has no price for it. */
export type FargatePodMonthlyUsd = (size: FargateSize) => number | undefined;

/** Pod label that pins the profile when several select a pod. */
export const PROFILE_LABEL = "eks.amazonaws.com/fargate-profile";

const NLB_TARGET_TYPE = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";
const LB_TYPE = "service.beta.kubernetes.io/aws-load-balancer-type";
const NLB_CLASS = "service.k8s.aws/nlb";
const ALB_TARGET_TYPE = "alb.ingress.kubernetes.io/target-type";

/**
 * Checks every workload against the environment's Fargate profiles and Fargate's limits.
 * Throws one EnvironmentError listing each violation with its rule and fix; otherwise returns
 * where each workload's pods run and at what size.
 */
export function checkFargateWorkloads(
  environment: string,
  profiles: readonly FargateProfileSelection[],
  workloads: readonly Workload[],
): FargatePlacement[] {
  const problems: string[] = [];
  const placements: FargatePlacement[] = [];
  for (const workload of workloads) {
    const pod = podRequestsOf(workload);
    const violations = violationsOf(workload, profiles, pod);
    problems.push(...violations.map(([rule, text]) => `${workloadLabel(workload)} [${rule}]: ${text}`));
    if (violations.length === 0) {
      const profile = schedulingProfile(workload, profiles)!.name;
      placements.push({
        workload,
        profile,
        size: fargateSize(pod),
        requested: requestedFargateSize(pod),
        stepsAbove: fargateSizeStepsAbove(pod),
      });
    }
  }
  if (problems.length > 0) {
    throw new EnvironmentError(invalidEnvironment(`"${environment}"`, problems));
  }
  return placements;
}

/** What a workload's pods request of Fargate: its containers' and init containers' requests. */
export function podRequestsOf(workload: Workload): PodRequests {
  return {
    containers: workload.containers.map(requestsOf),
    initContainers: workload.initContainers?.map(requestsOf),
  };
}

/**
 * The synthesis summary: one line per workload with its pods' Fargate size, then any warnings.
 * With `podMonthlyUsd`, a warning about requests rounded up also says what the rounding costs.
 */
export function fargateSummary(
  environment: string,
  placements: readonly FargatePlacement[],
  podMonthlyUsd?: FargatePodMonthlyUsd,
): string {
  const lines = placements.map(({ workload, profile, size }) => {
    const pods =
      workload.replicas === undefined ? "pods" : `${workload.replicas} pod${workload.replicas === 1 ? "" : "s"}`;
    return `  ${workloadLabel(workload)}: ${pods} of ${size.label}, profile ${profile}`;
  });
  const warnings = placements
    .filter((p) => p.stepsAbove > 1)
    .map(
      ({ workload, size, requested, stepsAbove }) =>
        `  Warning: ${workloadLabel(workload)}: Fargate's 256 MB overhead rounds its requests up ${stepsAbove} sizes, ` +
        `to ${size.label}${roundingCost(workload, size, requested, podMonthlyUsd)}; lower them by 256 MB to land on the ` +
        `size they name, or raise them to use what is paid for`,
    );
  return [`Fargate pods of "${environment}":`, ...lines, ...warnings].join("\n");
}

// ", which costs $75.44 a month more than the 1 vCPU / 8 GB they name (2 pods)", or nothing without a price.
function roundingCost(
  workload: Workload,
  size: FargateSize,
  requested: FargateSize,
  podMonthlyUsd: FargatePodMonthlyUsd | undefined,
): string {
  const provisionedUsd = podMonthlyUsd?.(size);
  const requestedUsd = podMonthlyUsd?.(requested);
  if (provisionedUsd === undefined || requestedUsd === undefined) return "";
  const pods = workload.replicas ?? 1;
  const extra = (provisionedUsd - requestedUsd) * pods;
  const which = workload.replicas === undefined ? "per pod" : `${pods} pod${pods === 1 ? "" : "s"}`;
  return `, which costs $${extra.toFixed(2)} a month more than the ${requested.label} they name (${which})`;
}

type Violation = [rule: string, text: string];

function violationsOf(workload: Workload, profiles: readonly FargateProfileSelection[], pod: PodRequests): Violation[] {
  const violations: Violation[] = [];
  if (workload.kind === "DaemonSet") {
    violations.push([
      "daemonset",
      "Fargate runs no DaemonSets; run it as a Deployment, or as a sidecar container in the pods that need it",
    ]);
  }
  const profileProblem = profileViolation(workload, profiles);
  if (profileProblem) violations.push(["fargate-profile", profileProblem]);

  const containers = [...workload.containers, ...(workload.initContainers ?? [])];
  for (const container of containers) {
    if (container.securityContext?.privileged) {
      violations.push([
        "privileged",
        `container "${container.name}" is privileged, which Fargate refuses; remove securityContext.privileged`,
      ]);
    }
    violations.push(...securityViolations(workload, container));
    for (const port of container.ports ?? []) {
      if (port.hostPort !== undefined) {
        violations.push([
          "host-port",
          `container "${container.name}" opens hostPort ${port.hostPort}, which Fargate refuses; remove hostPort and reach port ${port.containerPort} through a Service`,
        ]);
      }
    }
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
  violations.push(...loadBalancerViolations(workload).map((text): Violation => ["ip-targets", text]));
  try {
    fargateSize(pod);
  } catch (error) {
    violations.push(["fargate-size", sentence((error as Error).message)]);
  }
  return violations;
}

function securityViolations(workload: Workload, container: ContainerSpec): Violation[] {
  const violations: Violation[] = [];
  const name = `container "${container.name}"`;
  const security = container.securityContext ?? {};
  const added = security.capabilities?.add ?? [];
  const refused = added.filter((c) => !FARGATE_ADDABLE_CAPABILITIES.includes(c));
  if (refused.length > 0) {
    violations.push([
      "capabilities-add",
      `${name} adds capabilities ${refused.join(", ")}, which Fargate refuses (pods stay Pending: "Capabilities added"); ` +
        `Fargate lets pods add only ${FARGATE_ADDABLE_CAPABILITIES.join(", ")}, so to keep a default capability ` +
        `drop the others instead of ALL (keepOnlyCapabilities in modules/fargate/capabilities.ts)`,
    ]);
  }
  // Kubernetes refuses allowPrivilegeEscalation: false on a container that is privileged or adds SYS_ADMIN.
  if (
    security.allowPrivilegeEscalation === false &&
    (security.privileged || added.some((c) => /^(CAP_)?SYS_ADMIN$/.test(c)))
  ) {
    violations.push([
      "privilege-escalation",
      `${name} sets allowPrivilegeEscalation: false but is privileged or adds SYS_ADMIN, which always escalate, ` +
        `so Kubernetes rejects the pod; remove privileged and SYS_ADMIN`,
    ]);
  }
  // The kubelet refuses to start a container that must not run as root but is told to run as UID 0.
  const runAsNonRoot = security.runAsNonRoot ?? workload.securityContext?.runAsNonRoot;
  const runAsUser = security.runAsUser ?? workload.securityContext?.runAsUser;
  if (runAsNonRoot && runAsUser === 0) {
    violations.push([
      "run-as-root",
      `${name} has runAsNonRoot but runAsUser 0 (root), so the kubelet refuses to start it; ` +
        `set runAsUser to the image's non-root UID, or drop runAsNonRoot if the image needs root`,
    ]);
  }
  const ports = (container.ports ?? []).map((p) => p.containerPort);
  for (const [kind, probe] of [
    ["liveness", container.livenessProbe],
    ["readiness", container.readinessProbe],
  ] as const) {
    if (probe && !ports.includes(probe.port)) {
      violations.push([
        "probe-port",
        `${name}'s ${kind} probe checks port ${probe.port}, where it does not listen (ports: ${ports.join(", ") || "none"}), ` +
          `so the probe always fails; probe the port it serves`,
      ]);
    }
  }
  return violations;
}

// The profile Fargate uses: the pinned one, else the first by name among those that select the pod.
function schedulingProfile(
  workload: Workload,
  profiles: readonly FargateProfileSelection[],
): FargateProfileSelection | undefined {
  const pinned = workload.podLabels[PROFILE_LABEL];
  return [...profiles]
    .filter((p) => pinned === undefined || p.name === pinned)
    .filter((p) => p.selectors.some((s) => selectorMatches(s, workload.namespace, workload.podLabels)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

function profileViolation(workload: Workload, profiles: readonly FargateProfileSelection[]): string | undefined {
  if (schedulingProfile(workload, profiles)) return undefined;
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

function loadBalancerViolations(workload: Workload): string[] {
  const problems: string[] = [];
  const services = workload.services ?? [];
  for (const service of services.filter((s) => s.type === "LoadBalancer")) {
    const annotations = service.annotations ?? {};
    const controllerServes =
      service.loadBalancerClass === NLB_CLASS || ["external", "nlb-ip"].includes(annotations[LB_TYPE] ?? "");
    const ipTargets = annotations[NLB_TARGET_TYPE] === "ip" || annotations[LB_TYPE] === "nlb-ip";
    if (!controllerServes || !ipTargets) {
      problems.push(
        `Service "${service.name}" of type LoadBalancer does not ask the controller for an NLB with IP targets, the only ` +
          `targets that reach Fargate pods; set loadBalancerClass "${NLB_CLASS}" and annotation ${NLB_TARGET_TYPE}: "ip"`,
      );
    }
  }
  for (const ingress of workload.ingresses ?? []) {
    const annotations = ingress.annotations ?? {};
    const albClass = ingress.ingressClassName === "alb" || annotations["kubernetes.io/ingress.class"] === "alb";
    if (!albClass) continue;
    // A backend Service's own target-type annotation overrides the Ingress's.
    const instanceBackends = ingress.paths.filter((path) => {
      const service = services.find((s) => s.name === path.serviceName);
      return (service?.annotations?.[ALB_TARGET_TYPE] ?? annotations[ALB_TARGET_TYPE]) !== "ip";
    });
    if (instanceBackends.length > 0) {
      problems.push(
        `Ingress "${ingress.name}" does not ask for IP targets, the only targets that reach Fargate pods; ` +
          `add annotation ${ALB_TARGET_TYPE}: "ip"`,
      );
    }
  }
  return problems;
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
