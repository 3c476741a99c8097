import { type AddonName, type AddonVersionOverrides, KNOWN_GOOD_ADDON_VERSIONS } from "../../modules/addons/versions";
import type { ComputeSettings } from "../compute";
import { shown } from "./show";

// What EKS Auto Mode refuses, checked at load. Sources (Amazon EKS user guide):
// - "EKS Auto Mode requires Kubernetes version 1.29 or greater" (create-auto.html);
// - Auto Mode runs Karpenter for the cluster (auto-overview.html): a second Karpenter would fight it over the
//   same NodePool kind, and the architecture allows one node provisioner (ARCHITECTURE.md, "Capacity and
//   placement"); managed node groups run beside Auto Mode (auto-migrate-mng.html);
// - "Enabling at least one built-in NodePool is required for EKS to provision the default NodeClass"
//   (set-builtin-node-pools.html): custom pools here use that NodeClass;
// - each built-in pool is listed once in computeConfig.nodePools (a set in the API);
// - "Required add-on versions" (auto-enable-existing.html): on a cluster that turns Auto Mode on, the add-ons
//   the add-ons stack keeps (vpc-cni and kube-proxy, for managed node groups; they do not run on Auto Mode's
//   nodes from these versions on) must be at least these versions.

/** The add-on versions Auto Mode needs on an existing cluster; kube-proxy's by Kubernetes minor version. */
export const AUTO_MODE_MINIMUM_ADDONS: { "vpc-cni": string; "kube-proxy": Record<string, string> } = {
  "vpc-cni": "v1.19.0-eksbuild.1",
  "kube-proxy": {
    "1.29": "v1.29.10-eksbuild.3",
    "1.30": "v1.30.6-eksbuild.3",
    "1.31": "v1.31.2-eksbuild.3",
  },
};

/** An EKS add-on version's numbers, "v1.19.0-eksbuild.1" → [1, 19, 0, 1]; undefined when not of that form. */
function versionNumbers(version: string): number[] | undefined {
  const match = /^v(\d+)\.(\d+)\.(\d+)-eksbuild\.(\d+)$/.exec(version);
  return match?.slice(1).map(Number);
}

/** Whether add-on version a is older than b (both of the EKS form). */
export function addonVersionBelow(a: string, b: string): boolean {
  const [x, y] = [versionNumbers(a), versionNumbers(b)];
  if (!x || !y) return false;
  const i = x.findIndex((n, k) => n !== y[k]);
  return i >= 0 && x[i] < y[i];
}

/** The first Kubernetes minor version Auto Mode runs on. */
export const AUTO_MODE_MINIMUM_VERSION = "1.29";

/** What the Auto Mode rules need of an environment. */
export interface AutoModeEnvironment {
  /** Kubernetes minor version, e.g. "1.35". */
  kubernetesVersion: string;
  /** Compute settings, defaults applied. */
  compute: ComputeSettings;
  /** Add-on version overrides. */
  addons: { versions: AddonVersionOverrides };
}

/** One problem: the path from the environment's root and the message. */
export interface AutoModeProblem {
  /** Where, e.g. ["compute", "autoMode", "enabled"]. */
  path: (string | number)[];
  /** What is wrong and how to fix it. */
  message: string;
}

function minorOf(version: string): number | undefined {
  const match = /^1\.(\d+)$/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** Every reason EKS would refuse this environment's Auto Mode settings; [] when Auto Mode is off or fine. */
export function autoModeProblems(env: AutoModeEnvironment): AutoModeProblem[] {
  const { autoMode, karpenter } = env.compute;
  if (!autoMode.enabled) return [];
  const problems: AutoModeProblem[] = [];
  const at = (...path: (string | number)[]) => ["compute", "autoMode", ...path];
  const minor = minorOf(env.kubernetesVersion);
  if (minor !== undefined && minor < minorOf(AUTO_MODE_MINIMUM_VERSION)!) {
    problems.push({
      path: at("enabled"),
      message: `is true, but kubernetesVersion is ${shown(env.kubernetesVersion)} and EKS Auto Mode needs ${AUTO_MODE_MINIMUM_VERSION} or later; upgrade the cluster first (one minor version per deploy), then enable Auto Mode`,
    });
  }
  if (karpenter.enabled) {
    problems.push({
      path: at("enabled"),
      message:
        "is true, and so is compute.karpenter.enabled: Auto Mode runs Karpenter itself, so a second Karpenter would provision nodes for the same pods; turn one of them off (move Karpenter's pools to compute.autoMode.customNodePools to keep them)",
    });
  }
  autoMode.nodePools.forEach((pool, i) => {
    if (autoMode.nodePools.indexOf(pool) !== i) {
      problems.push({ path: at("nodePools", i), message: `lists ${shown(pool)} twice; list each built-in pool once` });
    }
  });
  if (autoMode.customNodePools.length > 0 && autoMode.nodePools.length === 0) {
    problems.push({
      path: at("customNodePools"),
      message:
        'use Auto Mode\'s "default" NodeClass, which EKS only creates while a built-in pool is on; add "system" (or "general-purpose") to compute.autoMode.nodePools',
    });
  }
  const known = KNOWN_GOOD_ADDON_VERSIONS[env.kubernetesVersion] ?? {};
  const minimums: [AddonName, string | undefined][] = [
    ["vpc-cni", AUTO_MODE_MINIMUM_ADDONS["vpc-cni"]],
    ["kube-proxy", AUTO_MODE_MINIMUM_ADDONS["kube-proxy"][env.kubernetesVersion]],
  ];
  for (const [addon, minimum] of minimums) {
    const version = env.addons.versions[addon] ?? known[addon];
    if (minimum && version && addonVersionBelow(version, minimum)) {
      problems.push({
        path: ["addons", "versions", addon],
        message: `is ${shown(version)}, below ${minimum}, the oldest ${addon} EKS supports beside Auto Mode; set ${minimum} or later (or leave it out for the known-good version)`,
      });
    }
  }
  return problems;
}
