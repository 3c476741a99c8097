// What Kubernetes itself refuses in a workload's security settings and probes, wherever its pods run
// (https://kubernetes.io/docs/tasks/configure-pod-container/security-context/): checked at synthesis
// so a pod that would never start fails before anything is deployed.

import type { ContainerSpec, Workload } from "./workload";
import type { Violation } from "./violation";

/** Every container of the pod, init containers included. */
export function containersOf(workload: Workload): ContainerSpec[] {
  return [...workload.containers, ...(workload.initContainers ?? [])];
}

/** The security and probe settings of a workload that Kubernetes or the kubelet would refuse. */
export function securityViolations(workload: Workload): Violation[] {
  return containersOf(workload).flatMap((container) => containerViolations(workload, container));
}

function containerViolations(workload: Workload, container: ContainerSpec): Violation[] {
  const violations: Violation[] = [];
  const name = `container "${container.name}"`;
  const security = container.securityContext ?? {};
  const added = security.capabilities?.add ?? [];
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
