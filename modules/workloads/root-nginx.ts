// Security settings for an image whose nginx master process runs as root, as both samples' images do
// (no USER in their Dockerfiles; see "Hardened samples" in docs/security.md for the sources). The master
// needs root to start; it then runs its workers as the unprivileged `nginx` user.

import { type DefaultCapability, keepOnlyCapabilities } from "../fargate/capabilities";
import type { ContainerSecuritySpec } from "./workload";

// What a root nginx master does with privilege, each reported failing without the capability
// (nginx/docker-nginx#27; hephaestus-build/Hephaestus#1567, measured with cap_drop ALL):
const ROOT_NGINX_CAPABILITIES: DefaultCapability[] = [
  // chown the temp directories it creates at start to the worker user
  "CHOWN",
  // open log and temp directories the image's nginx package owns as the nginx user
  "DAC_OVERRIDE",
  // signal workers, which run under another UID (stop, reload)
  "KILL",
  // start workers as the nginx user (setgid, initgroups, setuid)
  "SETGID",
  "SETUID",
];

/**
 * A root nginx container with every other default capability dropped (NET_RAW, MKNOD, SETFCAP, ...),
 * no privilege escalation, and NET_BIND_SERVICE only when it listens below port 1024. The root
 * filesystem stays writable: the paths nginx writes depend on the nginx build inside the image,
 * which could not be established for both images offline (docs/security.md, "Hardened samples").
 */
export function rootNginxSecurity(listensBelow1024: boolean): ContainerSecuritySpec {
  const kept: DefaultCapability[] = [
    ...ROOT_NGINX_CAPABILITIES,
    ...(listensBelow1024 ? ["NET_BIND_SERVICE" as const] : []),
  ];
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: false,
    capabilities: keepOnlyCapabilities(kept.sort()),
  };
}
