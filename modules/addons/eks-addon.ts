import { EksAddon as AwsEksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AddonName } from "./versions";

/** Settings of one EKS managed add-on. */
export interface EksAddonProps {
  /** Cluster to install it in (the cluster stack's cluster_name output). */
  clusterName: string;
  /** Which add-on; its Terraform address is the name with "_" for "-" (aws_eks_addon.vpc_cni). */
  name: AddonName;
  /** Pinned add-on version, e.g. "v1.13.2-eksbuild.4". */
  version: string;
  /** JSON configuration_values; left out, the add-on keeps EKS's defaults. */
  configurationValues?: string;
  /** Resources that must exist before the add-on's pods start. */
  dependsOn?: ITerraformDependable[];
}

/** An EKS managed add-on that takes over what EKS installed with the cluster. */
export class EksAddon extends Construct {
  /** The add-on resource. */
  readonly addon: AwsEksAddon;

  constructor(scope: Construct, id: string, props: EksAddonProps) {
    super(scope, id);
    this.addon = new AwsEksAddon(this, "addon", {
      clusterName: props.clusterName,
      addonName: props.name,
      addonVersion: props.version,
      configurationValues: props.configurationValues,
      // EKS installed self-managed copies with the cluster; OVERWRITE lets the managed add-on take
      // them over (and moves coredns onto Fargate) instead of failing on the fields they differ in.
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      // Destroying or replacing the add-on only stops EKS managing it; the software keeps running.
      // Without coredns every pod loses DNS, and deleting the stack alone must not break a running
      // cluster. The cluster stack's destroy removes the software with the cluster.
      preserve: true,
      dependsOn: props.dependsOn,
    });
    this.addon.overrideLogicalId(props.name.replace(/-/g, "_"));
  }
}
