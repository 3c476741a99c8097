import { principalTerraformName } from "./names";

/**
 * One cluster-admin access entry: a fixed IAM principal, or the identity that first deploys the cluster
 * (kept as it is afterwards, whoever plans next).
 */
export type ClusterAdmin =
  { terraformName: string; principalArn: string } | { terraformName: string; firstDeployer: true };

/**
 * Who gets cluster-admin, fixed by the environment and never by whoever runs the plan:
 * - the deploy role (account.roleArn), which every provider assumes, as `deployer`, plus each of
 *   adminPrincipalArns (the deploy role once, if listed there too);
 * - without a deploy role, one `deployer` entry for the identity that creates the cluster, plus each of
 *   adminPrincipalArns. Listing admins never removes the first deployer's entry (that would lock out
 *   the identity running the deploy halfway through it); only keepFirstDeployer false does.
 */
export function clusterAdmins(
  deployRoleArn: string | undefined,
  adminPrincipalArns: readonly string[],
  keepFirstDeployer: boolean,
): ClusterAdmin[] {
  const admins = adminPrincipalArns
    .filter((arn) => arn !== deployRoleArn)
    .map((arn) => ({ terraformName: `admin_${principalTerraformName(arn)}`, principalArn: arn }));
  if (deployRoleArn) return [{ terraformName: "deployer", principalArn: deployRoleArn }, ...admins];
  if (keepFirstDeployer) return [{ terraformName: "deployer", firstDeployer: true }, ...admins];
  return admins;
}

/** The access settings of an environment that decide who keeps cluster-admin. */
export interface AccessSettings {
  /** The deploy role every provider assumes, if any. */
  deployRoleArn?: string;
  /** The listed admins. */
  adminPrincipalArns: readonly string[];
  /** Whether the first deployer's entry is kept when there is no deploy role. */
  keepFirstDeployerAccess: boolean;
}

/**
 * A warning where the settings remove the access of the identity that may be running the deploy: the
 * first deployer's entry, dropped by keepFirstDeployerAccess false. Its deletion and the later stacks of
 * the same deploy race; the later ones fail if the deploying identity held cluster-admin only through it.
 */
export function accessRemovalWarning(settings: AccessSettings): string | undefined {
  if (settings.keepFirstDeployerAccess) return undefined;
  if (settings.deployRoleArn) {
    return (
      "cluster.keepFirstDeployerAccess is false but has no effect: with account.roleArn the deploy role is " +
      "the deployer and keeps its access entry; remove the setting."
    );
  }
  return (
    "cluster.keepFirstDeployerAccess is false, so the plan deletes the access entry of the identity that first " +
    "deployed the cluster (aws_eks_access_entry.deployer) and that identity loses cluster-admin unless it is " +
    "in cluster.adminPrincipalArns under an entry of its own. Deploy this change as one of " +
    `cluster.adminPrincipalArns (${settings.adminPrincipalArns.join(", ")}), or the later stacks of the deploy ` +
    "fail; list the first deployer there only in a later deploy (EKS allows one entry per principal)."
  );
}
