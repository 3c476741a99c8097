import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";
import type { NodePoolSettings } from "../../../environments/compute";
import { terraformName } from "../../cluster/names";
import { karpenterProvisioner, nodePoolManifest } from "../node-pool";
import { DEFAULT_ROOT_VOLUME_GIB, ec2NodeClassManifest } from "./node-class";

/** Name of the one EC2NodeClass every pool launches from. */
export const KARPENTER_NODE_CLASS_NAME = "default";

/** Settings of Karpenter's node class and pools. */
export interface KarpenterNodePoolsProps {
  /** EKS cluster name. */
  clusterName: string;
  /** Name of the nodes' IAM role (add-ons stack's karpenter_node_role_name). */
  nodeRoleName: string;
  /** Private subnets the nodes go in (network stack's private_subnet_ids); a list token is fine. */
  privateSubnetIds: string[];
  /** The cluster security group (cluster stack's cluster_security_group_id). */
  clusterSecurityGroupId: string;
  /** The pools, from compute.karpenter.nodePools. */
  pools: readonly NodePoolSettings[];
  /** Root volume size in GiB; 20 when left out. */
  rootVolumeGiB?: number;
  /** Tags on what Karpenter launches (instances, volumes, interfaces), e.g. the environment's tags. */
  tags?: Record<string, string>;
}

/**
 * The EC2NodeClass and a NodePool per pool, as Kubernetes objects (kubernetes_manifest). Karpenter's
 * chart installs their CRDs, and kubernetes_manifest reads a CRD's schema at plan time, so this construct
 * belongs in a stack planned after the one with the controller's release. Addresses:
 * kubernetes_manifest.karpenter_node_class, kubernetes_manifest.karpenter_node_pool_<name>.
 */
export class KarpenterNodePools extends Construct {
  /** The EC2NodeClass. */
  readonly nodeClass: Manifest;
  /** The NodePools, in the order of the pools. */
  readonly nodePools: Manifest[];

  constructor(scope: Construct, id: string, props: KarpenterNodePoolsProps) {
    super(scope, id);
    // Another stack's output is a list token: make the selector terms in Terraform then.
    const subnetSelectorTerms = Token.isUnresolved(props.privateSubnetIds)
      ? (TerraformIterator.fromList(props.privateSubnetIds).forExpressionForList("{ id = val }") as unknown as {
          id: string;
        }[])
      : props.privateSubnetIds.map((subnetId) => ({ id: subnetId }));

    this.nodeClass = new Manifest(this, "node_class", {
      manifest: ec2NodeClassManifest({
        name: KARPENTER_NODE_CLASS_NAME,
        nodeRoleName: props.nodeRoleName,
        subnetSelectorTerms,
        securityGroupId: props.clusterSecurityGroupId,
        rootVolumeGiB: props.rootVolumeGiB ?? DEFAULT_ROOT_VOLUME_GIB,
        tags: props.tags ?? {},
      }),
      // Ready once Karpenter has found the subnets, security group and AMIs and made the instance
      // profile: a wrong id fails the apply here, not later as pods that never get a node.
      wait: { condition: [{ type: "Ready", status: "True" }] },
    });
    this.nodeClass.overrideLogicalId("karpenter_node_class");

    const provisioner = karpenterProvisioner(KARPENTER_NODE_CLASS_NAME);
    this.nodePools = props.pools.map((pool) => {
      const manifest = new Manifest(this, `node_pool_${pool.name}`, {
        manifest: nodePoolManifest(pool, provisioner),
        dependsOn: [this.nodeClass],
      });
      manifest.overrideLogicalId(`karpenter_node_pool_${terraformName(pool.name)}`);
      return manifest;
    });
  }
}
