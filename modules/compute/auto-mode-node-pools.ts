import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { Construct } from "constructs";
import type { NodePoolSettings } from "../../environments/compute";
import { terraformName } from "../cluster/names";
import { AUTO_MODE_PROVISIONER, nodePoolManifest } from "./node-pool";

/** Settings of Auto Mode's custom node pools. */
export interface AutoModeNodePoolsProps {
  /** The environment's compute.autoMode.customNodePools. */
  pools: readonly NodePoolSettings[];
}

/**
 * Custom node pools of EKS Auto Mode: one `karpenter.sh/v1` NodePool per pool, on Auto Mode's built-in
 * `default` NodeClass (eks.amazonaws.com), so its nodes use the cluster's Auto Mode node role. The NodePool
 * kind exists once the cluster stack has switched Auto Mode on, so the stack declaring these comes after it
 * (ARCHITECTURE.md: a custom kind's CRD exists before the stack that declares it is planned).
 */
export class AutoModeNodePools extends Construct {
  /** Each pool's NodePool object, by pool name. */
  readonly nodePools: Record<string, Manifest> = {};

  constructor(scope: Construct, id: string, props: AutoModeNodePoolsProps) {
    super(scope, id);
    for (const pool of props.pools) {
      const manifest = new Manifest(this, pool.name, {
        manifest: nodePoolManifest(pool, AUTO_MODE_PROVISIONER),
      });
      manifest.overrideLogicalId(`auto_mode_node_pool_${terraformName(pool.name)}`);
      this.nodePools[pool.name] = manifest;
    }
  }
}
