// Linux capabilities on Fargate. A container starts with the runtime's default set; Fargate lets a pod
// drop any of them but add back only a few, so "drop ALL, add back what the image needs" works on
// Fargate only when what it needs is addable. Otherwise the same result is reached by dropping every
// default capability except the needed ones.

/**
 * The capabilities a container runtime gives a container by default, as the EKS Best Practices Guide
 * lists them for EC2 and Fargate pods alike:
 * https://docs.aws.amazon.com/eks/latest/best-practices/pod-security.html ("Linux capabilities can
 * only be dropped from Fargate pods").
 */
export const DEFAULT_CAPABILITIES = [
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "NET_RAW",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
] as const;

/** One of the default capabilities. */
export type DefaultCapability = (typeof DEFAULT_CAPABILITIES)[number];

/**
 * Capabilities a Fargate pod may add. The EKS user guide's Fargate considerations
 * (https://docs.aws.amazon.com/eks/latest/userguide/fargate.html#fargate-considerations) lists none;
 * the Best Practices Guide above says capabilities can only be dropped, and the fargate-scheduler
 * leaves pods that add others Pending with "Pod not supported on Fargate: invalid SecurityContext
 * fields: Capabilities added: ..." (reported for CHOWN and NET_ADMIN). NET_BIND_SERVICE is the one
 * exception on record: EKS's own coredns add-on adds it (with drop ALL) and runs on Fargate.
 */
export const FARGATE_ADDABLE_CAPABILITIES: readonly string[] = ["NET_BIND_SERVICE"];

/** A container's capabilities setting. */
export interface Capabilities {
  /** Capabilities added to the default set. */
  add?: string[];
  /** Capabilities removed from the default set ("ALL" removes every one). */
  drop: string[];
}

/**
 * The capabilities setting that leaves a container exactly `kept`, in the form Fargate accepts:
 * drop ALL and add them back when Fargate lets them be added, else drop every other default one.
 */
export function keepOnlyCapabilities(kept: readonly DefaultCapability[]): Capabilities {
  if (kept.length === 0) return { drop: ["ALL"] };
  if (kept.every((c) => FARGATE_ADDABLE_CAPABILITIES.includes(c))) return { drop: ["ALL"], add: [...kept] };
  return { drop: DEFAULT_CAPABILITIES.filter((c) => !kept.includes(c)) };
}
