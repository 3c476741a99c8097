import { ENVIRONMENTS } from "../../environments";
import type { EnvironmentInput } from "../../environments/schema";

/**
 * The default environment (the first of ENVIRONMENTS) with EKS Auto Mode on and a custom pool, under its
 * own name and cluster name so it synthesizes beside the project's environments.
 */
export function autoModeVariant(): EnvironmentInput {
  const base = ENVIRONMENTS[0] as EnvironmentInput;
  return {
    ...base,
    name: `${base.name}auto`,
    clusterName: `${base.clusterName}-auto`,
    compute: {
      ...base.compute,
      autoMode: {
        enabled: true,
        customNodePools: [
          {
            name: "graviton-office",
            architectures: ["arm64"],
            capacityTypes: ["spot", "on-demand"],
            instanceCategories: ["c", "m", "r"],
            cpuLimit: 64,
            disruptionBudgets: [{ nodes: "0", schedule: "0 9 * * mon-fri", duration: "8h" }],
          },
        ],
      },
    },
  };
}
