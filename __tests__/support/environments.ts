import { expect } from "vitest";
import { ENVIRONMENTS } from "../../environments";
import type { NodePoolSettings } from "../../environments/compute";
import { EnvironmentError, loadEnvironments } from "../../environments/load";
import type { Environment } from "../../environments/schema";
import { TEST_TODAY } from "./synth";

/** The message loadEnvironments rejects these raw environments with; fails the test if they load. */
export function problemsOf(...raw: unknown[]): string {
  try {
    loadEnvironments(raw, TEST_TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
  throw new Error("expected the environments to be rejected");
}

/** A node pool for tests: both architectures, Spot and on-demand, with a scheduled budget. */
export const TEST_NODE_POOL: NodePoolSettings = {
  name: "general",
  architectures: ["amd64", "arm64"],
  capacityTypes: ["spot", "on-demand"],
  instanceCategories: ["c", "m", "r"],
  cpuLimit: 64,
  disruptionBudgets: [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }, { nodes: "10%" }],
};

/**
 * The default environment (the first of ENVIRONMENTS) with Karpenter on and one pool, under its own
 * name and cluster name so it can be synthesized beside the project's environments.
 */
export function karpenterEnvironment(): Environment {
  const base = ENVIRONMENTS[0] as {
    name: string;
    clusterName: string;
    compute?: object;
    cluster?: { fargateProfiles?: object[] };
  };
  const profiles = base.cluster?.fargateProfiles ?? [
    { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
  ];
  const raw = {
    ...base,
    name: `${base.name}-karpenter`,
    clusterName: `${base.clusterName}-k`,
    // The controller runs on Fargate: a profile selects its namespace.
    cluster: {
      ...base.cluster,
      fargateProfiles: [...profiles, { name: "karpenter", selectors: [{ namespace: "karpenter" }] }],
    },
    compute: { ...base.compute, karpenter: { enabled: true, nodePools: [TEST_NODE_POOL] } },
  };
  return loadEnvironments([raw], TEST_TODAY).environments[0];
}
