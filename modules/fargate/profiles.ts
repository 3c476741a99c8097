import type { Construct } from "constructs";
import { podExecutionRoleName } from "../cluster/names";
import { FargateProfile, type FargateProfileProps } from "./profile";
import type { FargateSelector } from "./selector";

/** One profile of the environment: its name and selectors. */
export interface FargateProfileSettings {
  /** Profile name. */
  name: string;
  /** Pods matching any selector run on Fargate with this profile. */
  selectors: FargateSelector[];
}

/** What every profile of the cluster shares. */
export type FargateProfilesProps = Omit<FargateProfileProps, "profileName" | "selectors" | "roleName" | "dependsOn"> & {
  /** The profiles, created in this order. */
  profiles: readonly FargateProfileSettings[];
  /** The literal cluster name, for the pod execution role names (clusterName may be a reference). */
  clusterNameLiteral: string;
};

/**
 * The cluster's Fargate profiles, each with its pod execution role, created one after another: EKS
 * changes one profile per cluster at a time and refuses concurrent creations. Built in the given
 * scope (addresses aws_eks_fargate_profile.<name>, aws_iam_role.fargate_<name>).
 */
export function fargateProfileChain(scope: Construct, props: FargateProfilesProps): FargateProfile[] {
  const { profiles, clusterNameLiteral, ...shared } = props;
  const created: FargateProfile[] = [];
  for (const profile of profiles) {
    const previous = created.at(-1);
    created.push(
      new FargateProfile(scope, `profile_${profile.name}`, {
        ...shared,
        profileName: profile.name,
        selectors: profile.selectors,
        roleName: podExecutionRoleName(clusterNameLiteral, profile.name),
        dependsOn: previous ? [previous.profile] : [],
      }),
    );
  }
  return created;
}
