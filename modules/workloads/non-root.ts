// Security settings of a container that runs as an unprivileged user from a read-only image: what a
// scanner's restricted profile asks (Kubernetes Pod Security Standards, "Restricted":
// https://kubernetes.io/docs/concepts/security/pod-security-standards/) and Fargate accepts (it refuses
// only added capabilities, and none are added here).

import type { ContainerSecuritySpec, PodSecuritySpec, Workload } from "./workload";

/** Pod-wide settings of the samples: the runtime's seccomp filter, and no container as root. */
export const NON_ROOT_POD: PodSecuritySpec = { seccompProfile: "RuntimeDefault", runAsNonRoot: true };

/**
 * A container run as `uid` (not 0) with every capability dropped, no privilege escalation and a
 * read-only root filesystem: what it writes goes to emptyDir volumes mounted where it writes.
 */
export function nonRootContainer(uid: number): ContainerSecuritySpec {
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: uid,
    capabilities: { drop: ["ALL"] },
  };
}

/**
 * What a workload lacks of the settings above, one line per container or pod setting, empty when it
 * has them all; the samples' tests hold the samples to it.
 */
export function nonRootGaps(workload: Workload): string[] {
  const gaps: string[] = [];
  if (workload.securityContext?.seccompProfile !== "RuntimeDefault")
    gaps.push("pod: seccompProfile is not RuntimeDefault");
  const emptyDirs = (workload.volumes ?? []).filter((v) => v.hostPath === undefined).map((v) => v.name);
  for (const container of [...(workload.initContainers ?? []), ...workload.containers]) {
    const name = `container "${container.name}"`;
    const security = container.securityContext ?? {};
    const runAsNonRoot = security.runAsNonRoot ?? workload.securityContext?.runAsNonRoot;
    const runAsUser = security.runAsUser ?? workload.securityContext?.runAsUser;
    if (!runAsNonRoot) gaps.push(`${name}: runAsNonRoot is not set`);
    if (runAsUser === undefined || runAsUser === 0)
      gaps.push(`${name}: runs as the image's user or root, not a set non-root UID`);
    if (security.allowPrivilegeEscalation !== false) gaps.push(`${name}: allowPrivilegeEscalation is not false`);
    if (security.privileged) gaps.push(`${name}: is privileged`);
    if (security.readOnlyRootFilesystem !== true) gaps.push(`${name}: root filesystem is writable`);
    const { add = [], drop = [] } = security.capabilities ?? {};
    if (!drop.includes("ALL") || add.length > 0) gaps.push(`${name}: capabilities are not drop ALL, add none`);
    for (const mount of container.volumeMounts ?? []) {
      if (!emptyDirs.includes(mount.name)) gaps.push(`${name}: mounts "${mount.name}", which is not an emptyDir`);
    }
  }
  return gaps;
}
