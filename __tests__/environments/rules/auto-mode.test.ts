import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../../environments";
import { computeSettings } from "../../../environments/compute";
import { loadEnvironments } from "../../../environments/load";
import { addonVersionBelow, autoModeProblems } from "../../../environments/rules/auto-mode";
import { problemsOf } from "../../support/environments";
import { TEST_TODAY } from "../../support/synth";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = ENVIRONMENTS[0] as any;
const withCompute = (compute: unknown) => ({ ...base, compute });
const graviton = {
  name: "graviton",
  architectures: ["arm64"],
  capacityTypes: ["spot"],
  instanceCategories: ["c"],
  cpuLimit: 64,
};

describe("Auto Mode settings", () => {
  it("loads Auto Mode with its built-in pools, a custom pool and a managed node group beside it", () => {
    const env = loadEnvironments(
      [
        withCompute({
          autoMode: { enabled: true, customNodePools: [graviton] },
          nodeGroups: [{ name: "apps", instanceTypes: ["t3.medium"], minSize: 1, maxSize: 3, desiredSize: 1 }],
        }),
      ],
      TEST_TODAY,
    ).environments[0];
    expect(env.compute.autoMode).toMatchObject({ enabled: true, nodePools: ["general-purpose", "system"] });
  });

  it("is an error naming both switches when Auto Mode and Karpenter are both on", () => {
    expect(problemsOf(withCompute({ autoMode: { enabled: true }, karpenter: { enabled: true } }))).toBe(
      `Invalid environment "${base.name}":\n` +
        "  - compute.autoMode.enabled: is true, and so is compute.karpenter.enabled: Auto Mode runs Karpenter itself, " +
        "so a second Karpenter would provision nodes for the same pods; turn one of them off (move Karpenter's pools " +
        "to compute.autoMode.customNodePools to keep them)",
    );
  });

  it("is an error, naming the minimum, for a Kubernetes version below 1.29", () => {
    const compute = computeSettings.parse({ autoMode: { enabled: true } });
    const addons = { versions: {} };
    expect(autoModeProblems({ kubernetesVersion: "1.28", compute, addons })).toEqual([
      {
        path: ["compute", "autoMode", "enabled"],
        message:
          'is true, but kubernetesVersion is "1.28" and EKS Auto Mode needs 1.29 or later; upgrade the cluster first ' +
          "(one minor version per deploy), then enable Auto Mode",
      },
    ]);
    expect(autoModeProblems({ kubernetesVersion: "1.29", compute, addons })).toEqual([]);
    // Off, the version does not matter.
    expect(autoModeProblems({ kubernetesVersion: "1.28", compute: computeSettings.parse({}), addons })).toEqual([]);
  });

  it("is an error for an unknown built-in pool, and for one listed twice", () => {
    expect(problemsOf(withCompute({ autoMode: { enabled: true, nodePools: ["gpu"] } }))).toContain(
      'compute.autoMode.nodePools[0]: must be "general-purpose" or "system"',
    );
    expect(problemsOf(withCompute({ autoMode: { enabled: true, nodePools: ["system", "system"] } }))).toContain(
      'compute.autoMode.nodePools[1]: lists "system" twice; list each built-in pool once',
    );
  });

  it("is an error for custom pools without a built-in pool, as EKS then creates no default NodeClass", () => {
    expect(
      problemsOf(withCompute({ autoMode: { enabled: true, nodePools: [], customNodePools: [graviton] } })),
    ).toContain(
      'compute.autoMode.customNodePools: use Auto Mode\'s "default" NodeClass, which EKS only creates while a built-in pool is on',
    );
  });

  it("checks custom pools with the shared pool rules (a schedule needs a duration)", () => {
    const pool = { ...graviton, disruptionBudgets: [{ nodes: "0", schedule: "0 9 * * mon-fri" }] };
    expect(problemsOf(withCompute({ autoMode: { enabled: true, customNodePools: [pool] } }))).toContain(
      "compute.autoMode.customNodePools[0].disruptionBudgets[0].duration: is missing",
    );
  });

  it("is an error for a kept add-on older than Auto Mode needs on a running cluster", () => {
    const raw = withCompute({ autoMode: { enabled: true } });
    expect(problemsOf({ ...raw, addons: { ...raw.addons, versions: { "vpc-cni": "v1.18.5-eksbuild.1" } } })).toContain(
      'addons.versions.vpc-cni: is "v1.18.5-eksbuild.1", below v1.19.0-eksbuild.1, the oldest vpc-cni EKS supports beside Auto Mode',
    );
    const compute = computeSettings.parse({ autoMode: { enabled: true } });
    expect(
      autoModeProblems({
        kubernetesVersion: "1.31",
        compute,
        addons: { versions: { "kube-proxy": "v1.31.2-eksbuild.2" } },
      }),
    ).toHaveLength(1);
    expect(addonVersionBelow("v1.19.0-eksbuild.1", "v1.19.0-eksbuild.1")).toBe(false);
    expect(addonVersionBelow("v1.9.9-eksbuild.9", "v1.19.0-eksbuild.1")).toBe(true);
    expect(addonVersionBelow("v1.20.4-eksbuild.1", "v1.19.0-eksbuild.1")).toBe(false);
  });
});
