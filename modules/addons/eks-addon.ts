import { EksAddon as AwsEksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { IrsaRole, type IrsaRoleProps } from "../irsa/role";
import { terraformName } from "../cluster/names";
import type { AddonName } from "./versions";

/** An IAM role for the add-on's service account (IRSA): created with the add-on and given to EKS. */
export type AddonServiceAccountRole = Omit<IrsaRoleProps, "description">;

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
  /** An IRSA role for the add-on's service account, when it calls AWS APIs; left out, it has none. */
  serviceAccountRole?: AddonServiceAccountRole;
}

/** An EKS managed add-on that takes over what EKS installed with the cluster. */
export class EksAddon extends Construct {
  /** The add-on resource. */
  readonly addon: AwsEksAddon;
  /** The add-on's IRSA role, when it has one (aws_iam_role.<name with "_">). */
  readonly role?: IrsaRole;

  constructor(scope: Construct, id: string, props: EksAddonProps) {
    super(scope, id);
    const address = terraformName(props.name);
    if (props.serviceAccountRole) {
      this.role = new IrsaRole(this, address, {
        ...props.serviceAccountRole,
        description: `EKS add-on ${props.name} (IRSA)`,
      });
    }
    this.addon = new AwsEksAddon(this, "addon", {
      clusterName: props.clusterName,
      addonName: props.name,
      addonVersion: props.version,
      configurationValues: props.configurationValues,
      serviceAccountRoleArn: this.role?.role.arn,
      // EKS installed self-managed copies with the cluster; OVERWRITE lets the managed add-on take
      // them over (and moves coredns onto Fargate) instead of failing on the fields they differ in.
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      // Destroying or replacing the add-on only stops EKS managing it; the software keeps running.
      // Without coredns every pod loses DNS, and deleting the stack alone must not break a running
      // cluster. The cluster stack's destroy removes the software with the cluster.
      preserve: true,
      // With IRSA, the pods start only once the role has its permissions.
      dependsOn: this.role ? [...(props.dependsOn ?? []), this.role.attachment] : props.dependsOn,
    });
    this.addon.overrideLogicalId(address);
  }
}
