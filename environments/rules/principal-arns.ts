import { shown } from "./show";
import { principalTerraformName } from "../../modules/cluster/names";
import type { EnvironmentFields, Problem } from "../schema";

// IAM ARNs the environment names: admins (EKS access entries) and roles to assume. Access entries take
// the IAM role or user, never an STS session: "Create access entries",
// https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html
// ARN and name formats: "IAM identifiers", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
// (names of 1-64 letters, digits and + = , . @ _ -, paths of /-separated segments).

/** The partition of every environment (regions are checked to be in it). */
export const PARTITION = "aws";

const IAM_ARN = /^arn:([^:]*):iam::(\d{12}):(role|user)(\/[\w+=,.@-]+)*\/([\w+=,.@-]{1,64})$/;
const SESSION_ARN = /^arn:([^:]*):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/[\w+=,.@-]+$/;

/** Which kinds of principal a field takes. */
export type PrincipalKind = "role" | "role or user";

/** Why `arn` is not an IAM principal of the partition of the kind asked, or undefined when it is. */
export function principalArnProblem(arn: string, kind: PrincipalKind): string | undefined {
  const example = `arn:${PARTITION}:iam::123456789012:role/platform-admin`;
  const session = SESSION_ARN.exec(arn);
  if (session) {
    const [, partition, account, role] = session;
    return (
      `${shown(arn)} is an assumed-role session, which expires and which EKS and STS do not accept here; ` +
      `use the role's ARN "arn:${partition}:iam::${account}:role/${role}" (with the role's path before its name, if it has one)`
    );
  }
  const match = IAM_ARN.exec(arn);
  if (!match) {
    return `${shown(arn)} is not an IAM ${kind} ARN; write it as "${example}"`;
  }
  const [, partition, , type] = match;
  if (partition !== PARTITION) {
    return `${shown(arn)} is in the "${partition}" partition, but the environment's region is in "${PARTITION}"; use an ARN starting "arn:${PARTITION}:"`;
  }
  if (kind === "role" && type !== "role") {
    return `${shown(arn)} is an IAM user; only a role can be assumed, so name a role, e.g. "arn:${PARTITION}:iam::123456789012:role/platform-deploy"`;
  }
  return undefined;
}

/** The account id in an IAM ARN, or undefined when the text is not one. */
export function accountOf(arn: string): string | undefined {
  return IAM_ARN.exec(arn)?.[2];
}

/** The deploy role is in the account the providers are pinned to. */
export function accountRules(env: EnvironmentFields, problem: Problem): void {
  // A deploy role in another account than the one the providers are pinned to could never deploy.
  const roleAccount = env.account?.roleArn && accountOf(env.account.roleArn);
  if (env.account && roleAccount && /^\d{12}$/.test(env.account.id) && roleAccount !== env.account.id) {
    problem(
      ["account", "roleArn"],
      `is a role in account ${roleAccount}, but account.id is ${env.account.id}: the providers only accept credentials of ${env.account.id}; name a role of that account`,
    );
  }
}

/** Each cluster admin gets an access entry of its own, and someone keeps cluster-admin. */
export function adminRules(env: EnvironmentFields, problem: Problem): void {
  const { cluster } = env;
  // Each admin gets an access entry named after the principal; EKS allows one entry per principal.
  const admins = cluster.adminPrincipalArns.map(principalTerraformName);
  cluster.adminPrincipalArns.forEach((arn, i) => {
    const first = cluster.adminPrincipalArns[admins.indexOf(admins[i])];
    if (admins.indexOf(admins[i]) !== i) {
      problem(
        ["cluster", "adminPrincipalArns", i],
        first === arn
          ? `lists ${shown(arn)} twice; list each principal once`
          : `${shown(arn)} and ${shown(first)} would share the Terraform name admin_${admins[i]}; list only one of them`,
      );
    }
  });
  // Without a deploy role and admins, the first deployer's entry is the only way into the cluster.
  if (!cluster.keepFirstDeployerAccess && !env.account?.roleArn && cluster.adminPrincipalArns.length === 0) {
    problem(
      ["cluster", "keepFirstDeployerAccess"],
      "is false, but there is no account.roleArn and cluster.adminPrincipalArns is empty, so nobody would have cluster-admin access; list the admins in cluster.adminPrincipalArns or remove keepFirstDeployerAccess",
    );
  }
}
