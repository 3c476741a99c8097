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
 * - without a deploy role, adminPrincipalArns only: whoever deploys must be one of them;
 * - with neither (a laptop environment), one `deployer` entry for the identity that creates the cluster.
 */
export function clusterAdmins(
  deployRoleArn: string | undefined,
  adminPrincipalArns: readonly string[],
): ClusterAdmin[] {
  const admins = adminPrincipalArns
    .filter((arn) => arn !== deployRoleArn)
    .map((arn) => ({ terraformName: `admin_${principalTerraformName(arn)}`, principalArn: arn }));
  if (deployRoleArn) return [{ terraformName: "deployer", principalArn: deployRoleArn }, ...admins];
  if (admins.length > 0) return admins;
  return [{ terraformName: "deployer", firstDeployer: true }];
}
