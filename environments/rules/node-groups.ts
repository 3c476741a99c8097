// What EKS, EC2 or Kubernetes would refuse in managed node group settings, checked at load so a
// mistake never surfaces twenty minutes into a deploy. Sources:
// - EKS API, CreateNodegroup and NodegroupScalingConfig / Taint:
//   https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html
// - The kubelet's --node-labels rule (NodeRestriction):
//   https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction
// - EKS quotas: https://docs.aws.amazon.com/eks/latest/userguide/service-quotas.html

import type { ComputeSettings, NodeGroupSettings } from "../compute";
import { AL2023_AMI_TYPES } from "../../modules/compute/node-groups";
import { INSTANCE_TYPES, instanceType } from "../../modules/compute/instance-types";
import { takesPrefixes } from "../../modules/compute/max-pods";
import { isLabelKey } from "../../modules/kubernetes/labels";
import { MANAGED_NODE_GROUPS, NODES_PER_NODE_GROUP, quotaWarning } from "./quotas";
import { shown } from "./show";

/** A problem of one field, as a path below `compute` and a message. */
export interface FieldProblem {
  /** Path below `compute`, e.g. ["nodeGroups", 0, "maxSize"]. */
  path: (string | number)[];
  /** What is wrong and how to fix it. */
  message: string;
}

// The EKS-optimized AL2023 AMIs' root volume snapshot: a smaller root volume cannot be created from it.
const SMALLEST_ROOT_VOLUME_GIB = 20;
// EKS: "You can specify up to 50 taints per node group" (Taint, EKS API reference).
const TAINTS_LIMIT = 50;
// The kubelet may set labels under kubernetes.io and k8s.io only with these prefixes or names (NodeRestriction).
const KUBELET_LABEL_PREFIXES = ["kubelet.kubernetes.io/", "node.kubernetes.io/"];
const KUBELET_LABELS = [
  "kubernetes.io/hostname",
  "kubernetes.io/instance-type",
  "kubernetes.io/os",
  "kubernetes.io/arch",
  "beta.kubernetes.io/instance-type",
  "beta.kubernetes.io/os",
  "beta.kubernetes.io/arch",
  "failure-domain.beta.kubernetes.io/zone",
  "failure-domain.beta.kubernetes.io/region",
  "topology.kubernetes.io/zone",
  "topology.kubernetes.io/region",
];
const FAMILIES = [...new Set(INSTANCE_TYPES.map((t) => t.name.split(".")[0]))].join(", ");

/** Whether the kubelet refuses a node label key: one under kubernetes.io or k8s.io it may not set. */
function kubeletRefuses(key: string): boolean {
  const prefix = key.includes("/") ? key.split("/")[0] : "";
  const reserved = /(^|\.)(kubernetes\.io|k8s\.io)$/.test(prefix);
  return reserved && !KUBELET_LABELS.includes(key) && !KUBELET_LABEL_PREFIXES.some((p) => key.startsWith(p));
}

function groupProblems(group: NodeGroupSettings, i: number, prefixDelegation: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (...path: (string | number)[]) => ["nodeGroups", i, ...path];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });

  if (group.minSize > group.maxSize) {
    add(
      at("minSize"),
      `is ${group.minSize}, above maxSize ${group.maxSize}; EKS needs minSize <= desiredSize <= maxSize`,
    );
  } else if (group.desiredSize < group.minSize || group.desiredSize > group.maxSize) {
    add(
      at("desiredSize"),
      `is ${group.desiredSize}, outside minSize ${group.minSize} to maxSize ${group.maxSize}; EKS needs minSize <= desiredSize <= maxSize`,
    );
  }
  if (group.diskSizeGiB < SMALLEST_ROOT_VOLUME_GIB) {
    add(
      at("diskSizeGiB"),
      `is ${group.diskSizeGiB} GiB, smaller than the ${SMALLEST_ROOT_VOLUME_GIB} GiB root snapshot of the EKS-optimized AL2023 AMI, so no node could launch; use ${SMALLEST_ROOT_VOLUME_GIB} or more`,
    );
  }

  const known = group.instanceTypes.flatMap((name, j) => {
    if (group.instanceTypes.indexOf(name) !== j) {
      add(at("instanceTypes", j), `lists ${shown(name)} twice; list each instance type once`);
      return [];
    }
    const info = instanceType(name);
    if (!info) {
      add(
        at("instanceTypes", j),
        `${shown(name)} is not an instance type this project has facts for (its architecture, network limits and price: vendor/ec2-instances/instances.json covers ${FAMILIES}); check the spelling, e.g. "t3.medium", or add its row`,
      );
      return [];
    }
    if (prefixDelegation && !takesPrefixes(info)) {
      add(
        at("instanceTypes", j),
        `${shown(name)} is not a Nitro instance, so it gets no prefixes with compute.prefixDelegation; choose a Nitro type`,
      );
    }
    return [info];
  });
  const architectures = [...new Set(known.map((t) => t.architecture))];
  if (architectures.length > 1) {
    add(
      at("instanceTypes"),
      `mixes ${architectures.join(" and ")} instance types, but a node group launches one AMI of one architecture; put each architecture in its own node group`,
    );
  } else if (group.amiType !== undefined && architectures.length === 1) {
    const allowed = Object.values(AL2023_AMI_TYPES) as string[];
    const arch = architectures[0];
    const fits = arch === "arm64" ? group.amiType.includes("ARM_64") : group.amiType.includes("x86_64");
    if (!allowed.includes(group.amiType)) {
      add(
        at("amiType"),
        `${shown(group.amiType)} is not an AL2023 AMI type this project boots (its nodes are configured through AL2023's nodeadm); use ${allowed.map((a) => `"${a}"`).join(", ")}, or leave it out to derive it`,
      );
    } else if (!fits) {
      add(
        at("amiType"),
        `${shown(group.amiType)} does not run ${arch} instances (${group.instanceTypes.join(", ")}); leave amiType out to derive it, or choose instance types of its architecture`,
      );
    }
  }

  for (const [key, value] of Object.entries(group.labels)) {
    if (!isLabelKey(key)) {
      add(
        at("labels", key),
        `${shown(key)} is not a Kubernetes label key: use up to 63 letters, digits, '-', '_' or '.', optionally after a DNS prefix and "/"`,
      );
    } else if (kubeletRefuses(key)) {
      add(
        at("labels", key),
        `${shown(key)} is under kubernetes.io or k8s.io, where the kubelet may only set node.kubernetes.io/ and kubelet.kubernetes.io/ labels (NodeRestriction), so the nodes would never register; use your own prefix, e.g. "example.com/role"`,
      );
    } else if (value !== "" && !/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(value)) {
      add(
        at("labels", key),
        `${shown(value)} is not a label value: use up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      );
    }
  }
  if (group.taints.length > TAINTS_LIMIT) {
    add(at("taints"), `lists ${group.taints.length} taints; EKS takes at most ${TAINTS_LIMIT} per node group`);
  }
  const seen = new Set<string>();
  group.taints.forEach((taint, j) => {
    if (!isLabelKey(taint.key)) {
      add(
        at("taints", j, "key"),
        `${shown(taint.key)} is not a taint key: it follows the label key syntax, e.g. "dedicated"`,
      );
    }
    if (
      taint.value !== undefined &&
      taint.value !== "" &&
      !/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(taint.value)
    ) {
      add(
        at("taints", j, "value"),
        `${shown(taint.value)} is not a taint value: up to 63 letters, digits, '-', '_' or '.'`,
      );
    }
    const id = `${taint.key}:${taint.effect}`;
    if (seen.has(id))
      add(
        at("taints", j),
        `repeats key ${shown(taint.key)} with effect ${taint.effect}; Kubernetes takes each key and effect once`,
      );
    seen.add(id);
  });
  return problems;
}

/** Every node group setting EKS, EC2 or Kubernetes would refuse. */
export function nodeGroupProblems(compute: ComputeSettings): FieldProblem[] {
  const names = compute.nodeGroups.map((g) => g.name);
  return compute.nodeGroups.flatMap((group, i) => [
    ...(names.indexOf(group.name) !== i
      ? [
          {
            path: ["nodeGroups", i, "name"],
            message: `${shown(group.name)} names two node groups; give each its own name`,
          },
        ]
      : []),
    ...groupProblems(group, i, compute.prefixDelegation),
  ]);
}

/** Node group settings that deploy but deserve a second look: a single Spot pool, quotas AWS raises on request. */
export function nodeGroupWarnings(compute: ComputeSettings): string[] {
  const field = "compute.nodeGroups";
  return [
    quotaWarning(MANAGED_NODE_GROUPS, compute.nodeGroups.length, field),
    ...compute.nodeGroups.flatMap((group, i) => [
      quotaWarning(NODES_PER_NODE_GROUP, group.maxSize, `${field}[${i}].maxSize`),
      group.capacityType === "SPOT" && group.instanceTypes.length === 1
        ? `${field}[${i}].instanceTypes: a Spot node group of one instance type draws from one Spot pool per zone, which can run dry and leave the group without nodes; list several types of the same size (e.g. "m6i.large", "m5.large", "m7i.large")`
        : undefined,
    ]),
  ].filter((w): w is string => w !== undefined);
}
